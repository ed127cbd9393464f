import Taro from '@tarojs/taro'
import { getSessionUser } from '../api/token'
import { ROUTES, type Route } from '../nav'
import { draftStore } from './draft'

/**
 * Where to go back to after logging in (and changing the first password): a graduate who
 * opened a reminder link must land on it again, not on the home page.
 */
const KEY = 'xj.returnTo'

export interface ReturnTo {
  route: Route
  query?: Record<string, string>
  /** Left because the session expired there: the login page says so. */
  expired?: boolean
  /** Whose session expired: only they come back to the page, and to what they had typed. */
  userId?: string
}

/** The page on screen and its query (Taro's own `$…` keys left out), or null for one outside ROUTES. */
export function currentPlace(): ReturnTo | null {
  const router = Taro.getCurrentInstance()?.router
  const path = router?.path?.split('?')[0]
  const route = path ? Object.values(ROUTES).find((r) => r === (path.startsWith('/') ? path : `/${path}`)) : undefined
  if (!route) return null
  const query: Record<string, string> = {}
  for (const [k, v] of Object.entries(router?.params ?? {})) {
    if (k.startsWith('$') || typeof v !== 'string') continue
    try {
      query[k] = decodeURIComponent(v)
    } catch {
      query[k] = v // a stray % is kept as it came
    }
  }
  return { route, query }
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

/**
 * The remembered place, once: reading it forgets it. Called once logged in: a place left when
 * someone else's session expired (a shared phone) is not theirs, and neither is the draft typed
 * there, which goes too.
 */
export function takeReturn(): ReturnTo | null {
  const target = peekReturn()
  forgetReturn()
  if (target?.expired && target.userId && target.userId !== getSessionUser()?.id) {
    draftStore.reset()
    return null
  }
  return target
}
