// Taro's React (html) components, as the h5 build uses them with `useHtmlComponents`.
// Only the components the app uses are mapped: the package index also drags in the
// Stencil wrappers, which jsdom does not need.
import { createElement } from 'react'
export { default as View } from '@tarojs/components-react/dist/components/view/index.js'
export { default as Text } from '@tarojs/components-react/dist/components/text/index.js'
export { default as Button } from '@tarojs/components-react/dist/components/button/index.js'
export { default as Input } from '@tarojs/components-react/dist/components/input/index.js'
export { default as ScrollView } from '@tarojs/components-react/dist/components/scroll-view/index.js'
export { default as Image } from '@tarojs/components-react/dist/components/image/index.js'

// Taro ships no React (html) Textarea: the h5 build uses its web component, <taro-textarea-core>,
// around a <textarea> that gets `nativeProps` and reports `input` with `detail.value`. jsdom gets
// that contract without Stencil: a plain <textarea>.
interface TextareaProps {
  className?: string
  value?: string
  maxlength?: number
  placeholder?: string
  name?: string
  focus?: boolean
  nativeProps?: Record<string, unknown>
  onInput?: (e: { detail: { value: string } }) => void
}

export function Textarea({ className, value, maxlength, placeholder, name, focus, nativeProps, onInput }: TextareaProps) {
  return createElement('textarea', {
    className, value: value ?? '', maxLength: maxlength, placeholder, name, autoFocus: focus, ...nativeProps,
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
  })
}
