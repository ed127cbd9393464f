import { View, Text } from '@tarojs/components'
import { zh } from '../i18n/zh'
import { widthOf, type Tone } from './progress-view'

interface Props {
  label: string
  part: number
  whole: number
  rate: number
  tone?: Tone
  /** Where the campaign's time stands (0..1), drawn as a mark on the bar. */
  mark?: number
}

/** One labelled bar: `label  part/whole  rate%`, with the time mark when given. */
export function ProgressBar({ label, part, whole, rate, tone = 'on-track', mark }: Props) {
  const c = zh.campaign
  return (
    <View className="bar" data-testid={`bar-${label}`}>
      <View className="bar-head">
        <Text className="bar-label">{label}</Text>
        <Text className="bar-value">{c.ofTotal(part, whole)} · {c.percent(rate)}</Text>
      </View>
      <View className="bar-track" role="progressbar" aria-label={label} aria-valuenow={Math.round(rate * 100)}
        aria-valuemin={0} aria-valuemax={100}>
        <View className={`bar-fill bar-${tone}`} style={{ width: widthOf(rate) }} />
        {mark !== undefined ? <View className="bar-mark" style={{ left: widthOf(mark) }} /> : null}
      </View>
    </View>
  )
}
