import { useCallback, useRef, useState } from 'react'
import { ApiError, clearSession, getSessionUser, toApiError } from '../api'
import { nav, ROUTES } from '../nav'
import { currentPlace, rememberReturn } from '../store/return-to'

/**
 * Sends a person where a failure says they must go: an expired session to the login page (which
 * says so, and comes back to this page afterwards), an unchanged first password to the password
 * page. Returns true when it did.
 */
export function redirectForAuth(error: ApiError): boolean {
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    nav.relaunch(ROUTES.password)
    return true
  }
  if (error.status === 401) {
    // Back here after logging in again, whatever the page had typed in its draft — for the same person.
    const userId = getSessionUser()?.id
    clearSession()
    const here = currentPlace()
    if (here && here.route !== ROUTES.login && here.route !== ROUTES.password) rememberReturn({ ...here, expired: true, userId })
    nav.relaunch(ROUTES.login)
    return true
  }
  return false
}

/**
 * Runs one request for a page: `busy` while it runs, `error` (the API's Chinese message)
 * when it fails. Nothing the page holds is cleared on failure.
 */
export function useAction(options: { authRedirect?: boolean } = {}) {
  const { authRedirect = true } = options
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const running = useRef(false)

  const run = useCallback(
    async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined
      running.current = true
      setBusy(true)
      setError(null)
      try {
        return await fn()
      } catch (e) {
        const err = toApiError(e)
        if (!(authRedirect && redirectForAuth(err))) setError(err)
        return undefined
      } finally {
        running.current = false
        setBusy(false)
      }
    },
    [authRedirect],
  )

  return { busy, error, setError, run }
}
