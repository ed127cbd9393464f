import { useEffect, useRef, useState } from 'react'
import { View, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { zh } from '../i18n/zh'

/** Bump when the guide (PRIVACY.md) changes, so everyone sees it again. */
export const PRIVACY_KEY = 'xj.privacy.v1'
const AGREE_ID = 'privacy-agree'

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

export function privacyAccepted(): boolean {
  try {
    return !!Taro.getStorageSync(PRIVACY_KEY)
  } catch {
    return false
  }
}

/**
 * 隐私保护提示: what is collected, why, how long, who sees it — before the first personal field.
 * Shown once (remembered on the device); in the weapp also whenever WeChat asks through
 * `onNeedPrivacyAuthorization`, whose pending call continues only after the agree button
 * (open-type agreePrivacyAuthorization) is tapped. The full guide is PRIVACY.md (the MP console's text).
 */
export function PrivacySheet() {
  const [open, setOpen] = useState(() => !privacyAccepted())
  const pending = useRef<Resolve | null>(null)

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending.current = resolve
      resolve({ event: 'exposureAuthorization' })
      setOpen(true)
    })
  }, [])

  const agree = () => {
    Taro.setStorageSync(PRIVACY_KEY, new Date().toISOString())
    pending.current?.({ event: 'agree', buttonId: AGREE_ID })
    pending.current = null
    setOpen(false)
  }
  const disagree = () => {
    pending.current?.({ event: 'disagree' })
    pending.current = null
    setOpen(false)
  }
  const openContract = () => {
    if (process.env.TARO_ENV === 'weapp' && typeof Taro.openPrivacyContract === 'function') Taro.openPrivacyContract({})
  }

  if (!open) return null
  const z = zh.privacy
  return (
    <View className="sheet-backdrop">
      <View className="sheet privacy-sheet" role="dialog" aria-label={z.title}>
        <View className="card-title">{z.title}</View>
        <View className="muted small">{z.intro}</View>
        {z.points.map((p) => (
          <View className="privacy-point" key={p.q}>
            <View className="section-title">{p.q}</View>
            <View>{p.a}</View>
          </View>
        ))}
        {process.env.TARO_ENV === 'weapp' ? (
          <View className="link" onClick={openContract}>{z.full}</View>
        ) : null}
        <Button id={AGREE_ID} className="btn btn-primary" openType="agreePrivacyAuthorization" onClick={agree}>
          {z.agree}
        </Button>
        <Button className="btn" onClick={disagree}>{z.disagree}</Button>
      </View>
    </View>
  )
}
