import Taro from '@tarojs/taro'
import { nav, ROUTES } from '../nav'
import { clearSession, saveSession } from '../api/token'
import { draftStore } from '../store/draft'
import { forgetReturn, peekReturn, takeReturn } from '../store/return-to'
import { apiError } from '../../test/fixtures'
import { redirectForAuth } from './useAction'

jest.mock('../nav', () => require('../../test/mocks').navModule())

const onPage = (path: string, params: Record<string, string> = {}) =>
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { path, params } } as never)

beforeEach(() => {
  jest.restoreAllMocks()
  jest.clearAllMocks()
  forgetReturn()
})

// UX walk: a session that expired at 确认提交 dropped the graduate on a bare login page, and after logging in
// on home — four taps from where they were, with no word of why.
test('an expired session remembers the page it happened on, to come back to after login', () => {
  onPage('/pages/apply/index', { $taroTimestamp: '1733200000000', step: '2' })
  expect(redirectForAuth(apiError(401, 'UNAUTHENTICATED', '请先登录'))).toBe(true)
  expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.login)
  expect(peekReturn()).toEqual({ route: ROUTES.apply, query: { step: '2' }, expired: true })
})

// Review: on a shared phone, whoever logged in next came back to the page — and the draft — of the one
// whose session expired.
test('only the person whose session expired comes back to the page and what they had typed', () => {
  const lee = { id: 'm-1', name: '李明', roles: [] }
  const wang = { id: 'm-2', name: '王芳', roles: [] }
  for (const [next, back] of [[lee, true], [wang, false]] as const) {
    saveSession('t', lee, false)
    draftStore.update({ answers: { destination: 'employed' } })
    onPage('/pages/apply/index')
    redirectForAuth(apiError(401, 'UNAUTHENTICATED', '请先登录'))
    saveSession('t2', next, false)
    expect([next.id, takeReturn()?.route ?? null]).toEqual([next.id, back ? ROUTES.apply : null])
    expect([next.id, draftStore.get().answers]).toEqual([next.id, back ? { destination: 'employed' } : {}])
    clearSession()
    draftStore.reset()
  }
})

test('nothing to come back to from the login or password page, or a page outside the routes', () => {
  for (const path of [ROUTES.login, ROUTES.password, '/pages/nowhere/index']) {
    onPage(path)
    redirectForAuth(apiError(401, 'UNAUTHENTICATED', '请先登录'))
    expect([path, peekReturn()]).toEqual([path, null])
  }
})

test('a first password to change goes to the password page, remembering nothing', () => {
  onPage('/pages/apply/index')
  expect(redirectForAuth(apiError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改密码'))).toBe(true)
  expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.password)
  expect(peekReturn()).toBeNull()
})
