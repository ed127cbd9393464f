import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { reminderBatch } from '../reminder-batch'
import { apiError, createdReminder } from '../../../test/fixtures'
import { shareHandlers } from '../../../test/taro'
import { asciiBase64 } from '../qr'
import SharePage from './index'

jest.mock('../../nav', () => require('../../../test/mocks').navModule())
jest.mock('../../api', () => require('../../../test/mocks').apiModule())
const mocked = api as unknown as Record<string, jest.Mock>

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
  expect(screen.getAllByText('通知：未发送微信通知（服务器未配置微信），请把链接发给本人')).toHaveLength(2)
  // H5: no WeChat share button, but a QR code per link.
  expect(screen.queryByText('发给微信好友')).toBeNull()
  expect(screen.getAllByText('显示二维码')).toHaveLength(2)
})

test('says in words what became of each notification, never the API\'s code', () => {
  const codes = ['wechat', 'no-openid', 'not-subscribed', 'skipped: recent', 'failed: wechat errcode 43101']
  reminderBatch.set(codes.map((delivery, i) => ({ ...createdReminder(`m-${i}`, A), delivery, name: `同学${i}`, orgName: '计算机2201班团支部' })))
  render(<SharePage />)
  expect(screen.getAllByText(/^通知：/).map((e) => e.textContent)).toEqual([
    '通知：已发送微信通知',
    '通知：本人还没有用微信登录过，未能发送微信通知，请把链接发给本人',
    '通知：本人没有订阅提醒消息，未能发送微信通知，请把链接发给本人',
    '通知：24 小时内已通知过，这次只生成链接',
    '通知：微信通知发送失败，请把链接发给本人',
  ])
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

describe('in the weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  test('shows the 小程序码 the API draws from the link\'s short code', async () => {
    mocked.reminderWxaCode!.mockResolvedValue({ configured: true, image: 'data:image/jpeg;base64,/9j/AA==' })
    render(<SharePage />)
    expect(screen.getAllByText('发给微信好友')).toHaveLength(2)
    fireEvent.click(screen.getAllByText('显示小程序码')[1]!)
    const box = await screen.findByLabelText('赵磊的提醒小程序码')
    const img = (box.tagName === 'IMG' ? box : box.querySelector('img')) as HTMLImageElement
    expect(img.getAttribute('src')).toBe('data:image/jpeg;base64,/9j/AA==')
    expect(mocked.reminderWxaCode).toHaveBeenCalledWith(reminderBatch.get()[1]!.code)
    expect(screen.getByText('请本人用微信扫一扫，打开小程序办理。')).toBeTruthy()
  })

  test('without WeChat credentials on the server it says so and shows the H5 QR', async () => {
    mocked.reminderWxaCode!.mockResolvedValue({ configured: false })
    render(<SharePage />)
    fireEvent.click(screen.getAllByText('显示小程序码')[0]!)
    expect(await screen.findByText(/服务器未配置微信小程序凭据/)).toBeTruthy()
    const box = await screen.findByLabelText('张伟的提醒二维码')
    const img = (box.tagName === 'IMG' ? box : box.querySelector('img')) as HTMLImageElement
    const src = img.getAttribute('src') ?? ''
    expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true)
    expect(Buffer.from(src.split(',')[1]!, 'base64').toString('utf8')).toContain('<svg')
  })

  test('an expired link shows the API\'s message', async () => {
    mocked.reminderWxaCode!.mockRejectedValue(apiError(410, 'REMINDER_EXPIRED', '提醒链接已过期，请联系辅导员重新发送，或直接打开“衔接”办理'))
    render(<SharePage />)
    fireEvent.click(screen.getAllByText('显示小程序码')[0]!)
    expect(await screen.findByText(/提醒链接已过期/)).toBeTruthy()
  })
})

test('asciiBase64 matches the platform encoder', () => {
  for (const s of ['', 'a', 'ab', 'abc', '<svg xmlns="http://www.w3.org/2000/svg"/>']) expect(asciiBase64(s)).toBe(Buffer.from(s).toString('base64'))
})
