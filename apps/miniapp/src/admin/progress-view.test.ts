import { timeElapsed, toneOf, widthOf } from './progress-view'

test('time runs from June 1 (Beijing) to the end of the started-by day', () => {
  expect(timeElapsed(2026, '2026-08-31', new Date('2026-05-20T00:00:00Z'))).toBe(0)
  expect(timeElapsed(2026, '2026-08-31', new Date('2026-05-31T16:00:00Z'))).toBe(0)
  expect(timeElapsed(2026, '2026-08-31', new Date('2026-07-16T16:00:00Z'))).toBeCloseTo(0.5, 1)
  expect(timeElapsed(2026, '2026-08-31', new Date('2026-09-01T00:00:00Z'))).toBe(1)
  expect(timeElapsed(2026, 'not a day', new Date())).toBe(0)
})

test('a bar is done, on track, behind time, or late', () => {
  expect(toneOf(1, -5, 1)).toBe('done')
  expect(toneOf(0.9, -1, 1)).toBe('late')
  expect(toneOf(0.5, 10, 0.4)).toBe('on-track')
  expect(toneOf(0.3, 10, 0.4)).toBe('behind')
})

test('widths stay inside the bar', () => {
  expect(widthOf(0.375)).toBe('37.5%')
  expect(widthOf(1.2)).toBe('100%')
  expect(widthOf(-1)).toBe('0%')
})
