import { View, Text, Input, Textarea } from '@tarojs/components'
import { zh } from '../i18n/zh'

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  type?: 'text' | 'number' | 'idcard' | 'digit'
  password?: boolean
  maxLength?: number
  /** Show a live `n/max` counter next to the label. */
  counter?: boolean
  error?: string
  hint?: string
  name?: string
  /** Several lines (a reason, a comment): the text stays in view as it is typed, up to `maxLength`. */
  multiline?: boolean
  /** Focus it (and open the keyboard) when it appears. */
  focus?: boolean
}

/** A labelled, thumb-sized input. */
export function Field({ label, value, onChange, placeholder, type = 'text', password, maxLength = 140, counter, error, hint, name, multiline, focus }: Props) {
  const length = [...value].length
  const shared = { value, maxlength: maxLength, placeholder, name, focus, onInput: (e: { detail: { value: string } }) => onChange(e.detail.value) }
  return (
    <View className={`field${error ? ' field-error' : ''}`}>
      <View className="field-label">
        <Text>{label}</Text>
        {counter ? (
          <Text className={`counter${length >= maxLength ? ' counter-full' : ''}`} data-testid={name ? `${name}-counter` : undefined}>
            {zh.apply.counter(length, maxLength)}
          </Text>
        ) : null}
      </View>
      {multiline ? (
        <Textarea
          className="field-textarea"
          {...shared}
          disableDefaultPadding
          // In H5 the textarea is a web component's host around a <textarea>: the label goes on the
          // inner one, which is what a screen reader (and a test by label) reaches.
          nativeProps={{ 'aria-label': label }}
        />
      ) : (
        <Input className="field-input" {...shared} type={type} password={password} aria-label={label} />
      )}
      {error ? <View className="field-message">{error}</View> : null}
      {!error && hint ? <View className="field-hint">{hint}</View> : null}
    </View>
  )
}
