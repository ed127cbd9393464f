import { fireEvent, render, screen } from '@testing-library/react'
import { Field } from './Field'

test('a single-line input unless asked for more, as every form has it', () => {
  const typed = jest.fn()
  render(<Field label="紧急联系人姓名" name="emergencyName" value="" maxLength={20} onChange={typed} />)
  const input = screen.getByLabelText('紧急联系人姓名')
  expect(input.tagName).toBe('INPUT')
  fireEvent.input(input, { target: { value: '李父' } })
  expect(typed).toHaveBeenCalledWith('李父')
})

test('multiline: several lines for a long text, with the same label, counter and message', () => {
  const typed = jest.fn()
  render(<Field label="不同意的原因（必填）" name="reason" value="单位名称有误" maxLength={500} counter multiline error="请填写不同意的原因" onChange={typed} />)
  const area = screen.getByLabelText('不同意的原因（必填）') as HTMLTextAreaElement
  expect(area.tagName).toBe('TEXTAREA')
  expect(area.value).toBe('单位名称有误')
  expect(area.maxLength).toBe(500)
  expect(screen.getByTestId('reason-counter').textContent).toBe('6/500')
  expect(screen.getByText('请填写不同意的原因')).toBeTruthy()
  fireEvent.input(area, { target: { value: '单位名称有误，请核对' } })
  expect(typed).toHaveBeenCalledWith('单位名称有误，请核对')
})
