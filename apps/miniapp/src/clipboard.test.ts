import Taro from '@tarojs/taro'
import { copyText } from './clipboard'

beforeAll(() => {
  // jsdom has no clipboard command; the H5 copy calls it and only needs it not to throw.
  if (typeof document.execCommand !== 'function') document.execCommand = () => true
})

beforeEach(() => localStorage.clear())

test('what was copied does not stay behind in the browser storage (H5 keeps a copy there)', async () => {
  await Taro.setClipboardData({ data: '13827000003' })
  expect(JSON.stringify({ ...localStorage })).toContain('13827000003')
  localStorage.clear()

  await copyText('13827000003')
  expect(JSON.stringify({ ...localStorage })).not.toContain('13827000003')
})

test('a copy that fails still fails', async () => {
  const set = jest.spyOn(Taro, 'setClipboardData').mockRejectedValueOnce({ errMsg: 'setClipboardData:fail' })
  await expect(copyText('x')).rejects.toEqual({ errMsg: 'setClipboardData:fail' })
  set.mockRestore()
})
