import { View, Text } from '@tarojs/components'

/** A label/value line in a card; `block` puts a long value (an org named in full) under its label. */
export function Row({ label, value, block }: { label: string; value: string | null | undefined; block?: boolean }) {
  return (
    <View className={`row${block ? ' row-block' : ''}`}>
      <Text className="row-label">{label}</Text>
      <Text className="row-value">{value ?? ''}</Text>
    </View>
  )
}
