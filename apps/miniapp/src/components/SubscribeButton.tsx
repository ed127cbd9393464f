import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { zh } from '../i18n/zh'
import { canSubscribe, requestProgressSubscription, type SubscribeOutcome } from '../subscribe'

/**
 * 订阅进度提醒: asks WeChat for consent to send progress messages. Only in the weapp with a
 * template configured; WeChat accepts the request only from a tap, so it runs in onClick.
 */
export function SubscribeButton() {
  const [outcome, setOutcome] = useState<SubscribeOutcome | null>(null)
  if (!canSubscribe()) return null
  const z = zh.subscribe
  const onTap = async () => setOutcome(await requestProgressSubscription())
  const result = outcome?.result
  const message = result === 'accepted' ? z.accepted : result === 'rejected' ? z.rejected : result === 'failed' ? z.failed
    : result === 'unbound' ? z.unbound(outcome?.message ?? '') : ''
  return (
    <View className="subscribe">
      {message ? <View className={result === 'accepted' ? 'success' : 'notice'}>{message}</View> : null}
      {result !== 'accepted' ? (
        <>
          <Button className="btn" onClick={onTap}>{z.button}</Button>
          <View className="field-hint">{z.hint}</View>
        </>
      ) : null}
    </View>
  )
}
