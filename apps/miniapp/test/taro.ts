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

/** The page's share handler (weapp share card), kept so tests can ask it what it would share. */
export const shareHandlers: Array<(res: { from: string; target?: unknown }) => unknown> = []

export function useShareAppMessage(callback: (res: { from: string; target?: unknown }) => unknown): void {
  shareHandlers[0] = callback
}

export function useRouter(): { params: Record<string, string> } {
  return { params: {} }
}

const Taro = { ...(h5 as unknown as { default: object }).default, ...h5, useDidShow, useRouter, useShareAppMessage }
export default Taro
