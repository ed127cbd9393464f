import Taro from '@tarojs/taro'
import { api, toApiError } from './api'

/**
 * WeChat subscription consent (订阅消息) for progress reminders. WeChat only shows the consent
 * sheet when `requestSubscribeMessage` runs inside a tap handler, so pages call this straight
 * from a button's onClick, before anything else is awaited. The template id comes from
 * `TARO_APP_REMINDER_TEMPLATE_ID` (.env.[mode]); without it, and in H5 (no such thing in a
 * browser), there is nothing to ask.
 *
 * A consent is only useful if the API knows the account's openid, so an accepted one is
 * followed by binding it: `wx.login`'s code → `POST /auth/wechat-bind` (code2session server-side).
 */
export type SubscribeResult = 'accepted' | 'rejected' | 'unavailable' | 'failed' | 'unbound'

export interface SubscribeOutcome {
  result: SubscribeResult
  /** Why the binding failed, in the API's words. */
  message?: string
}

function templateId(): string {
  return process.env.TARO_APP_REMINDER_TEMPLATE_ID || ''
}

export function canSubscribe(): boolean {
  return process.env.TARO_ENV === 'weapp' && !!templateId()
}

export async function requestProgressSubscription(): Promise<SubscribeOutcome> {
  const id = templateId()
  if (!canSubscribe()) return { result: 'unavailable' }
  let accepted: boolean
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [id], entityIds: [] })) as unknown as Record<string, string>
    accepted = res[id] === 'accept'
  } catch {
    return { result: 'failed' }
  }
  if (!accepted) return { result: 'rejected' }
  try {
    const { code } = await Taro.login()
    await api.wechatBind(code)
    return { result: 'accepted' }
  } catch (e) {
    return { result: 'unbound', message: toApiError(e).message }
  }
}
