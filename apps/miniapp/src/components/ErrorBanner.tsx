import { View, Text } from '@tarojs/components'
import type { ApiError } from '../api'

interface Props {
  error: ApiError | string | null | undefined
}

/** The API's Chinese message, as is: every failure a person can act on says what to do. */
export function ErrorBanner({ error }: Props) {
  if (!error) return null
  const message = typeof error === 'string' ? error : error.message
  return (
    <View className="error-banner" role="alert">
      <Text>{message}</Text>
    </View>
  )
}
