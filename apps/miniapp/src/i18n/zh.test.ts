import { formatTime } from './zh'

test('times read in Beijing time (the campaign\'s clock), not the device\'s zone', () => {
  expect(formatTime('2026-12-01T16:30:00.000Z')).toBe('2026-12-02 00:30')
  expect(formatTime('2026-07-10T02:05:00Z')).toBe('2026-07-10 10:05')
  expect(formatTime(null)).toBe('')
  expect(formatTime('不是时间')).toBe('不是时间')
})
