import Taro from '@tarojs/taro'
import type { SessionUser } from '@xianjie/contract'

/** The session lives in the phone's storage so a restart does not log the user out. */
const TOKEN_KEY = 'xj.token'
const USER_KEY = 'xj.user'
const MUST_CHANGE_KEY = 'xj.mustChangePassword'

export function getToken(): string | null {
  try {
    return (Taro.getStorageSync(TOKEN_KEY) as string) || null
  } catch {
    return null
  }
}

export function saveSession(token: string, user: SessionUser, mustChangePassword: boolean): void {
  Taro.setStorageSync(TOKEN_KEY, token)
  Taro.setStorageSync(USER_KEY, JSON.stringify(user))
  Taro.setStorageSync(MUST_CHANGE_KEY, mustChangePassword ? '1' : '')
}

export function getSessionUser(): SessionUser | null {
  try {
    const raw = Taro.getStorageSync(USER_KEY) as string
    return raw ? (JSON.parse(raw) as SessionUser) : null
  } catch {
    return null
  }
}

export function mustChangePassword(): boolean {
  try {
    return Taro.getStorageSync(MUST_CHANGE_KEY) === '1'
  } catch {
    return false
  }
}

export function markPasswordChanged(): void {
  Taro.setStorageSync(MUST_CHANGE_KEY, '')
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY)
  Taro.removeStorageSync(USER_KEY)
  Taro.removeStorageSync(MUST_CHANGE_KEY)
}
