import { View, Text } from '@tarojs/components'
import { zh } from '../i18n/zh'

/** 线下手续: what the graduate must do in person (lost papers re-issued, enlistment papers) — libs/rules' lines. */
export function OfflineDuties({ lines }: { lines: string[] }) {
  if (!lines.length) return null
  return (
    <View className="offline">
      <View className="section-title">{zh.transfer.offline}</View>
      <View className="bullets">
        {lines.map((line) => <View className="bullet" key={line}><Text>{line}</Text></View>)}
      </View>
    </View>
  )
}
