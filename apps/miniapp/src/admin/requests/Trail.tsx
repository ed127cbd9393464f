import { View } from '@tarojs/components'
import type { RequestTrailStep } from '@xianjie/contract'
import { formatTime, zh } from '../../i18n/zh'

/** 上报经过: each level a township correction was passed up through, with who said what. */
export function Trail({ steps }: { steps: RequestTrailStep[] }) {
  if (!steps.length) return null
  const z = zh.requests
  return (
    <View className="request-trail">
      <View className="muted small">{z.trail}</View>
      {steps.map((s) => (
        <View key={`${s.fromOrgId}-${s.at}`} className="small">
          {z.passed(s.fromOrgName, s.toOrgName, formatTime(s.at))}{s.comment ? `：${s.comment}` : ''}
        </View>
      ))}
    </View>
  )
}
