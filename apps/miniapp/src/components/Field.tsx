import { View, Text, Input } from '@tarojs/components'
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
}

/** A labelled, thumb-sized input. */
export function Field({ label, value, onChange, placeholder, type = 'text', password, maxLength = 140, counter, error, hint, name }: Props) {
  const length = [...value].length
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
      <Input
        className="field-input"
        value={value}
        type={type}
        password={password}
        maxlength={maxLength}
        placeholder={placeholder}
        name={name}
        aria-label={label}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error ? <View className="field-message">{error}</View> : null}
      {!error && hint ? <View className="field-hint">{hint}</View> : null}
    </View>
  )
}
