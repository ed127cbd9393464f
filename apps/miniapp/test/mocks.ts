/**
 * Module-boundary mocks for page tests: the API client (every call a jest.fn) and the
 * page-stack helpers. Use as
 *   jest.mock('../../api', () => require('../../../test/mocks').apiModule())
 */
export function apiModule() {
  const actual = jest.requireActual('../src/api')
  const api: Record<string, jest.Mock> = {}
  for (const key of Object.keys(actual.api)) api[key] = jest.fn()
  return { ...actual, api }
}

export function navModule() {
  const actual = jest.requireActual('../src/nav')
  return {
    ...actual,
    nav: { to: jest.fn(), replace: jest.fn(), relaunch: jest.fn(), back: jest.fn() },
    useParams: jest.fn(() => ({})),
  }
}
