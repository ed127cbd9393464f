import Taro, { useRouter } from '@tarojs/taro'

/** Every route, in one place. Admin pages live in the `admin` subpackage. */
export const ROUTES = {
  login: '/pages/login/index',
  password: '/pages/password/index',
  home: '/pages/home/index',
  questionnaire: '/pages/questionnaire/index',
  resolution: '/pages/resolution/index',
  receiver: '/pages/receiver/index',
  apply: '/pages/apply/index',
  transfer: '/pages/transfer/index',
  reminder: '/pages/reminder/index',
  mine: '/pages/mine/index',
  destination: '/pages/destination/index',
  workbench: '/pages/workbench/index',
  adminInbox: '/admin/inbox/index',
  adminDetail: '/admin/detail/index',
  adminMember: '/admin/member/index',
  adminStart: '/admin/start/index',
  adminPullIn: '/admin/pull-in/index',
  adminCampaign: '/admin/campaign/index',
  adminShare: '/admin/share/index',
  adminReminders: '/admin/reminders/index',
  adminImport: '/admin/import/index',
  adminLedger: '/admin/ledger/index',
  adminDestinations: '/admin/destinations/index',
  adminDeadlines: '/admin/deadlines/index',
  adminMarks: '/admin/marks/index',
  adminUnplaced: '/admin/unplaced/index',
  adminStatistics: '/admin/statistics/index',
  adminReset: '/admin/reset/index',
  adminRequests: '/admin/requests/index',
  adminTownshipReport: '/admin/township-report/index',
  adminSpecialUnit: '/admin/special-unit/index',
} as const

export type Route = (typeof ROUTES)[keyof typeof ROUTES]

function withQuery(route: Route, query?: Record<string, string>): string {
  if (!query) return route
  const qs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
  return qs ? `${route}?${qs}` : route
}

/** Page-stack moves, wrapped so tests can watch them and pages stay short. */
export const nav = {
  to(route: Route, query?: Record<string, string>): void {
    void Taro.navigateTo({ url: withQuery(route, query) })
  },
  replace(route: Route, query?: Record<string, string>): void {
    void Taro.redirectTo({ url: withQuery(route, query) })
  },
  /** Clears the stack: after login, logout, a submission. */
  relaunch(route: Route, query?: Record<string, string>): void {
    void Taro.reLaunch({ url: withQuery(route, query) })
  },
  back(fallback: Route = ROUTES.home): void {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.reLaunch({ url: fallback })
  },
}

/** The current page's query parameters, decoded. */
export function useParams(): Record<string, string> {
  const params = useRouter().params as Record<string, string | undefined>
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string') out[k] = decodeURIComponent(v)
  }
  return out
}
