import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { api } from '../api'
import { apiError } from '../../test/fixtures'
import { SubscribeButton } from './SubscribeButton'
import { canSubscribe, requestProgressSubscription } from '../subscribe'

jest.mock('../api', () => require('../../test/mocks').apiModule())

const mocked = jest.mocked(api)
const TEMPLATE = 'tmpl-progress-001'
const env = process.env

function asWeapp(template = TEMPLATE) {
  process.env = { ...env, TARO_ENV: 'weapp', TARO_APP_REMINDER_TEMPLATE_ID: template }
}

// The weapp's APIs, which pages call; the H5 flavour has no subscription messages.
const subscribe = jest.fn()
const login = jest.fn()
beforeAll(() => {
  Object.assign(Taro as unknown as Record<string, unknown>, { requestSubscribeMessage: subscribe, login })
})
beforeEach(() => {
  jest.clearAllMocks()
  login.mockResolvedValue({ code: 'wx-code-0123456789', errMsg: 'login:ok' })
  mocked.wechatBind!.mockResolvedValue({ bound: true })
})
afterEach(() => {
  process.env = env
})

test('in H5 there is nothing to ask: no button, and the request is a no-op', async () => {
  const { container } = render(<SubscribeButton />)
  expect(container.innerHTML).toBe('')
  expect(canSubscribe()).toBe(false)
  expect(await requestProgressSubscription()).toEqual({ result: 'unavailable' })
  expect(subscribe).not.toHaveBeenCalled()
})

test('in the weapp without a template id there is no button either', () => {
  asWeapp('')
  const { container } = render(<SubscribeButton />)
  expect(container.innerHTML).toBe('')
})

test('a tap asks WeChat for consent, then binds the account to this WeChat', async () => {
  asWeapp()
  subscribe.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' })
  render(<SubscribeButton />)
  expect(subscribe).not.toHaveBeenCalled()
  fireEvent.click(screen.getByText('订阅进度提醒'))
  expect(await screen.findByText('已订阅，有进展会通过微信通知你。')).toBeTruthy()
  expect(subscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: [TEMPLATE] }))
  expect(mocked.wechatBind).toHaveBeenCalledWith('wx-code-0123456789')
  expect(screen.queryByText('订阅进度提醒')).toBeNull()
})

test('a refusal or a failure says so, binds nothing, and the button stays', async () => {
  asWeapp()
  subscribe.mockResolvedValueOnce({ [TEMPLATE]: 'reject' }).mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail' })
  render(<SubscribeButton />)
  fireEvent.click(screen.getByText('订阅进度提醒'))
  expect(await screen.findByText('你没有同意订阅，可以稍后再点一次。')).toBeTruthy()
  fireEvent.click(screen.getByText('订阅进度提醒'))
  expect(await screen.findByText('订阅没有成功，请稍后重试。')).toBeTruthy()
  expect(mocked.wechatBind).not.toHaveBeenCalled()
})

test('a binding the API refuses is shown in its words', async () => {
  asWeapp()
  subscribe.mockResolvedValue({ [TEMPLATE]: 'accept' })
  mocked.wechatBind!.mockRejectedValue(apiError(409, 'WECHAT_ALREADY_BOUND', '该微信正在绑定其他账号，请稍后重试：一个微信只能绑定一个账号'))
  render(<SubscribeButton />)
  fireEvent.click(screen.getByText('订阅进度提醒'))
  expect(await screen.findByText('已同意订阅，但没能关联你的微信：该微信正在绑定其他账号，请稍后重试：一个微信只能绑定一个账号')).toBeTruthy()
  expect(screen.getByText('订阅进度提醒')).toBeTruthy()
})
