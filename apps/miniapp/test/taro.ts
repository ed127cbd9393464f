/**
 * `@tarojs/taro` in page tests: the H5 implementation, plus the page hooks the build's
 * framework plugin normally provides (a page is "shown" once, when it mounts). The build
 * rewrites `Taro.x` into named imports (babel-plugin-transform-taroapi); here the default
 * export simply carries every named API.
 */
import { useEffect } from 'react'
import * as h5 from '@tarojs/taro-h5'

export * from '@tarojs/taro-h5'

export function useDidShow(callback: () => void): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => callback(), [])
}

export function useRouter(): { params: Record<string, string> } {
  return { params: {} }
}

const Taro = { ...(h5 as unknown as { default: object }).default, ...h5, useDidShow, useRouter }
export default Taro
