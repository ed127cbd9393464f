import Taro from '@tarojs/taro'
import type { Route } from '../nav'

/**
 * Where to go back to after logging in (and changing the first password): a graduate who
 * opened a reminder link must land on it again, not on the home page.
 */
const KEY = 'xj.returnTo'

export interface ReturnTo {
  route: Route
  query?: Record<string, string>
}

export function rememberReturn(target: ReturnTo): void {
  try {
    Taro.setStorageSync(KEY, JSON.stringify(target))
  } catch {
    /* storage unavailable: the person simply lands on the home page */
  }
}

export function peekReturn(): ReturnTo | null {
  try {
    const raw = Taro.getStorageSync(KEY) as string
    return raw ? (JSON.parse(raw) as ReturnTo) : null
  } catch {
    return null
  }
}

export function forgetReturn(): void {
  try {
    Taro.removeStorageSync(KEY)
  } catch {
    /* nothing stored */
  }
}

/** The remembered place, once: reading it forgets it. */
export function takeReturn(): ReturnTo | null {
  const target = peekReturn()
  forgetReturn()
  return target
}
