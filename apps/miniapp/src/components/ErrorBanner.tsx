import { View, Text, Button } from '@tarojs/components'
import type { ApiError } from '../api'
import { zh } from '../i18n/zh'

interface Props {
  error: ApiError | string | null | undefined
  /**
   * A form whose input survives the failure: a lost connection then also says nothing typed is
   * lost. Only such pages pass it — said on a page with nothing to fill in, it is a false comfort.
   */
  keepsInput?: boolean
  /** What the page read on opening, asked for again: without it a failed load leaves no way on. */
  onRetry?: () => void
}

/** The API's Chinese message, as is: every failure a person can act on says what to do. */
export function ErrorBanner({ error, keepsInput, onRetry }: Props) {
  if (!error) return null
  const message = typeof error === 'string' ? error : error.message
  const kept = keepsInput && typeof error !== 'string' && error.isNetwork
  return (
    <View className="error-banner" role="alert">
      <Text>{kept ? `${message}${zh.errors.inputKept}` : message}</Text>
      {onRetry ? <Button className="btn error-retry" onClick={onRetry}>{zh.common.retry}</Button> : null}
    </View>
  )
}
