import Taro from '@tarojs/taro'

/**
 * WeChat subscription consent (订阅消息) for progress reminders. WeChat only shows the consent
 * sheet when `requestSubscribeMessage` runs inside a tap handler, so pages call this straight
 * from a button's onClick. The template id comes from `TARO_APP_REMINDER_TEMPLATE_ID`
 * (.env.[mode]); without it, and in H5 (no such thing in a browser), there is nothing to ask.
 */
export type SubscribeResult = 'accepted' | 'rejected' | 'unavailable' | 'failed'

function templateId(): string {
  return process.env.TARO_APP_REMINDER_TEMPLATE_ID || ''
}

export function canSubscribe(): boolean {
  return process.env.TARO_ENV === 'weapp' && !!templateId()
}

export async function requestProgressSubscription(): Promise<SubscribeResult> {
  const id = templateId()
  if (!canSubscribe()) return 'unavailable'
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [id], entityIds: [] })) as unknown as Record<string, string>
    return res[id] === 'accept' ? 'accepted' : 'rejected'
  } catch {
    return 'failed'
  }
}
