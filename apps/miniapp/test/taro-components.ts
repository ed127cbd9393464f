// Taro's React (html) components, as the h5 build uses them with `useHtmlComponents`.
// Only the components the app uses are mapped: the package index also drags in the
// Stencil wrappers, which jsdom does not need.
export { default as View } from '@tarojs/components-react/dist/components/view/index.js'
export { default as Text } from '@tarojs/components-react/dist/components/text/index.js'
export { default as Button } from '@tarojs/components-react/dist/components/button/index.js'
export { default as Input } from '@tarojs/components-react/dist/components/input/index.js'
export { default as ScrollView } from '@tarojs/components-react/dist/components/scroll-view/index.js'
export { default as Image } from '@tarojs/components-react/dist/components/image/index.js'
