import path from 'node:path'
import { render, screen } from '@testing-library/react'
import { Row } from './Row'

/**
 * jsdom lays nothing out, but it does cascade a stylesheet: the app's own (app.scss, compiled as
 * the build does) holds a row to the rules that keep a label on one line at 375 px. Layout itself
 * is the e2e walk's: every screenshot there fails on anything wider than the phone.
 */
beforeAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compile } = require('sass') as typeof import('sass')
  const style = document.createElement('style')
  style.textContent = compile(path.join(__dirname, '../app.scss')).css
  document.head.appendChild(style)
})

const cell = (text: string) => getComputedStyle(screen.getByText(text))

test('a label sizes to its words and never wraps; the value takes the rest and wraps inside itself', () => {
  render(<Row label="紧急联系人手机号" value="13900000009" />)
  expect(cell('紧急联系人手机号').whiteSpace).toBe('nowrap')
  expect(cell('紧急联系人手机号').flexShrink).toBe('0')
  expect(cell('紧急联系人手机号').flexBasis).toBe('auto')
  const value = cell('13900000009')
  expect(value.minWidth).toBe('0')
  expect(value.overflowWrap).toBe('anywhere')
  expect(value.textAlign).toBe('right')
})

test('a block row puts the value under its label, full width, read from the left', () => {
  render(<Row label="转出组织管理员" value="楚天大学计算机学院团委 · 王老师" block />)
  expect(cell('转出组织管理员').whiteSpace).toBe('nowrap')
  const value = cell('楚天大学计算机学院团委 · 王老师')
  expect(value.textAlign).toBe('left')
  expect(value.width).toBe('100%')
})
