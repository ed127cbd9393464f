import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { SubscribeButton } from './SubscribeButton'
import { canSubscribe, requestProgressSubscription } from '../subscribe'

const TEMPLATE = 'tmpl-progress-001'
const env = process.env

function asWeapp(template = TEMPLATE) {
  process.env = { ...env, TARO_ENV: 'weapp', TARO_APP_REMINDER_TEMPLATE_ID: template }
}

const subscribe = jest.fn()
beforeAll(() => {
  // The H5 flavour has no such API; the weapp's is what pages call.
  ;(Taro as unknown as Record<string, unknown>).requestSubscribeMessage = subscribe
})
afterEach(() => {
  process.env = env
  subscribe.mockReset()
})

test('in H5 there is nothing to ask: no button, and the request is a no-op', async () => {
  const { container } = render(<SubscribeButton />)
  expect(container.innerHTML).toBe('')
  expect(canSubscribe()).toBe(false)
  expect(await requestProgressSubscription()).toBe('unavailable')
  expect(subscribe).not.toHaveBeenCalled()
})

test('in the weapp without a template id there is no button either', () => {
  asWeapp('')
  const { container } = render(<SubscribeButton />)
  expect(container.innerHTML).toBe('')
})

test('a tap asks WeChat for consent to the configured template', async () => {
  asWeapp()
  subscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' })
  render(<SubscribeButton />)
  expect(subscribe).not.toHaveBeenCalled()
  fireEvent.click(screen.getByText('订阅进度提醒'))
  expect(await screen.findByText('已订阅，有进展会通过微信通知你。')).toBeTruthy()
  expect(subscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: [TEMPLATE] }))
  expect(screen.queryByText('订阅进度提醒')).toBeNull()
})

test('a refusal or a failure says so and the button stays', async () => {
  asWeapp()
  subscribe.mockResolvedValueOnce({ [TEMPLATE]: 'reject' }).mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail' })
  render(<SubscribeButton />)
  fireEvent.click(screen.getByText('订阅进度提醒'))
  expect(await screen.findByText('你没有同意订阅，可以稍后再点一次。')).toBeTruthy()
  fireEvent.click(screen.getByText('订阅进度提醒'))
  expect(await screen.findByText('订阅没有成功，请稍后重试。')).toBeTruthy()
})
