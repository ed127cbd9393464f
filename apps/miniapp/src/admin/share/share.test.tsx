import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { nav, ROUTES, useParams } from '../../nav'
import { reminderBatch } from '../reminder-batch'
import { createdReminder } from '../../../test/fixtures'
import { shareHandlers } from '../../../test/taro'
import SharePage from './index'

jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const A = 'a'.repeat(40) + '_-A'
const B = 'b'.repeat(40) + '_-B'
const clipboard = jest.spyOn(Taro, 'setClipboardData')

beforeEach(() => {
  jest.clearAllMocks()
  clipboard.mockReset().mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian-cs' })
  reminderBatch.set([
    { ...createdReminder('m-3', A), name: '张伟', orgName: '计算机2201班团支部' },
    { ...createdReminder('m-7', B), name: '赵磊', orgName: '计算机2202班团支部' },
  ])
})

test('one card per graduate with the link, its expiry and how it was delivered', () => {
  render(<SharePage />)
  expect(screen.getByText('张伟')).toBeTruthy()
  expect(screen.getByText('赵磊')).toBeTruthy()
  expect(screen.getByText(`http://127.0.0.1:3000/#/pages/reminder/index?token=${A}`)).toBeTruthy()
  expect(screen.getAllByText(/^计算机2201班团支部 · 有效期至 2026-12-0\d/)).toHaveLength(1)
  expect(screen.getAllByText('通知：已生成（未发送微信通知）')).toHaveLength(2)
  // H5: no WeChat share button, but a QR code per link.
  expect(screen.queryByText('发给微信好友')).toBeNull()
  expect(screen.getAllByText('显示二维码')).toHaveLength(2)
})

test('copies one graduate\'s reminder text', async () => {
  render(<SharePage />)
  fireEvent.click(screen.getAllByText('复制提醒文字')[1]!)
  await waitFor(() => expect(clipboard).toHaveBeenCalledTimes(1))
  const data = (clipboard.mock.calls[0]![0] as { data: string }).data
  expect(data).toMatch(/^赵磊同学：请尽快在“衔接”办理团组织关系转接。/)
  expect(data).toContain(`token=${B}`)
  expect(data).not.toContain(A)
  expect(await screen.findByText('已复制 ✓')).toBeTruthy()
})

test('copies every reminder at once', async () => {
  render(<SharePage />)
  fireEvent.click(screen.getByText('复制全部提醒文字'))
  await waitFor(() => expect(clipboard).toHaveBeenCalledTimes(1))
  const data = (clipboard.mock.calls[0]![0] as { data: string }).data
  expect(data.split('\n\n')).toHaveLength(2)
  expect(data).toContain(A)
  expect(data).toContain(B)
})

test('a failed copy says so', async () => {
  clipboard.mockRejectedValue({ errMsg: 'setClipboardData:fail' })
  render(<SharePage />)
  fireEvent.click(screen.getAllByText('复制提醒文字')[0]!)
  expect(await screen.findByText('出了点问题，请稍后重试。')).toBeTruthy()
})

test('draws a QR code of the link in the page', async () => {
  render(<SharePage />)
  fireEvent.click(screen.getAllByText('显示二维码')[0]!)
  const box = await screen.findByLabelText('张伟的提醒二维码')
  const img = (box.tagName === 'IMG' ? box : box.querySelector('img')) as HTMLImageElement
  const src = img.getAttribute('src') ?? ''
  expect(src.startsWith('data:image/svg+xml')).toBe(true)
  expect(decodeURIComponent(src)).toContain('<svg')
  fireEvent.click(screen.getByText('收起二维码'))
  expect(screen.queryByLabelText('张伟的提醒二维码')).toBeNull()
})

test('the share card carries the tapped graduate\'s reminder path', () => {
  render(<SharePage />)
  const share = shareHandlers[0]!
  expect(share({ from: 'button', target: { dataset: { index: '1' } } })).toEqual({
    title: '赵磊同学，请尽快办理团组织关系转接',
    path: `/pages/reminder/index?token=${B}`,
  })
  expect(share({ from: 'menu' })).toEqual(expect.objectContaining({ path: `/pages/reminder/index?token=${A}` }))
})

test('without a batch (links are shown once) it points to the tracking list', () => {
  reminderBatch.clear()
  render(<SharePage />)
  expect(screen.getByText(/这批提醒链接已不在本机显示/)).toBeTruthy()
  fireEvent.click(screen.getByText('查看提醒记录'))
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.adminReminders, { orgId: 'chutian-cs' })
})
