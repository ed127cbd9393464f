import { View, Text } from '@tarojs/components'

/** A label/value line in a card. */
export function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <View className="row">
      <Text className="row-label">{label}</Text>
      <Text className="row-value">{value ?? ''}</Text>
    </View>
  )
}
