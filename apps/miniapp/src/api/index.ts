/**
 * The typed client for contract §2. Pages import `api` and nothing below it, so tests
 * replace this one module.
 */
import { request, requestBytes, requestPage } from './client'
import { clearSession, saveSession } from './token'
import type {
  Box, Campaign, CreatedReminder, ImportReport, Inbox, LoginResult, Me, MemberSummary, NotStartedGraduate, Org, Page, PasswordHelp,
  ProgressReport, ReminderLanding, ReminderTrack, StartTransferBody, Transfer,
} from './types'

const enc = encodeURIComponent

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const api = {
  /** Uploads a roster workbook (.xlsx bytes); 422 carries every bad row in `problems`. */
  importRoster(bytes: ArrayBuffer): Promise<ImportReport> {
    return requestBytes<ImportReport>('POST', '/admin/import', bytes, XLSX_TYPE)
  },
  importTemplate(): Promise<ArrayBuffer> {
    return requestBytes<ArrayBuffer>('GET', '/admin/import/template')
  },
  async login(idNumber: string, password: string): Promise<LoginResult> {
    const result = await request<LoginResult>('POST', '/auth/login', { idNumber, password })
    saveSession(result.token, result.user, result.mustChangePassword)
    return result
  },
  /** 忘记密码: whom to ask for a reset (no login needed). */
  forgotPassword(idNumber: string): Promise<PasswordHelp> {
    return request<PasswordHelp>('POST', '/auth/forgot-password', { idNumber })
  },
  changePassword(oldPassword: string, newPassword: string): Promise<void> {
    return request<void>('POST', '/auth/change-password', { oldPassword, newPassword })
  },
  /** Binds this account to the phone's WeChat (wx.login code) so reminders can reach it. */
  wechatBind(code: string): Promise<{ bound: true }> {
    return request<{ bound: true }>('POST', '/auth/wechat-bind', { code })
  },
  logout(): void {
    clearSession()
  },
  me(): Promise<Me> {
    return request<Me>('GET', '/me')
  },
  /** Children of `parentId` (the roots without it), or a name search with `q`. */
  orgs(params: { parentId?: string; q?: string }): Promise<Org[]> {
    return request<Org[]>('GET', '/orgs', undefined, params)
  },
  org(id: string): Promise<Org> {
    return request<Org>('GET', `/orgs/${enc(id)}`)
  },
  startTransfer(body: StartTransferBody): Promise<Transfer> {
    return request<Transfer>('POST', '/transfers', body)
  },
  transfer(id: string): Promise<Transfer> {
    return request<Transfer>('GET', `/transfers/${enc(id)}`)
  },
  inbox(box: Box, status?: string): Promise<Inbox> {
    return request<Inbox>('GET', '/transfers', undefined, { box, status })
  },
  approve(id: string, comment?: string): Promise<Transfer> {
    return request<Transfer>('POST', `/transfers/${enc(id)}/approve`, comment ? { comment } : {})
  },
  reject(id: string, reason: string): Promise<Transfer> {
    return request<Transfer>('POST', `/transfers/${enc(id)}/reject`, { reason })
  },
  withdraw(id: string): Promise<Transfer> {
    return request<Transfer>('POST', `/transfers/${enc(id)}/withdraw`, {})
  },
  assign(id: string, branchId: string): Promise<Transfer> {
    return request<Transfer>('POST', `/transfers/${enc(id)}/assign`, { branchId })
  },
  memberTransfers(memberId: string): Promise<Transfer[]> {
    return request<Transfer[]>('GET', `/members/${enc(memberId)}/transfers`)
  },
  members(params: { orgId?: string; q?: string }): Promise<MemberSummary[]> {
    return request<MemberSummary[]>('GET', '/members', undefined, params)
  },
  /** The graduating cohort's progress under an org, with one entry per child org (drill-down). */
  progress(orgId: string, year?: number): Promise<ProgressReport> {
    return request<ProgressReport>('GET', `/orgs/${enc(orgId)}/progress`, undefined, { year })
  },
  campaign(orgId: string, year?: number): Promise<Campaign> {
    return request<Campaign>('GET', `/orgs/${enc(orgId)}/campaign`, undefined, { year })
  },
  /** Graduates under the org (or only under `branchId`) who have not started a transfer. */
  notStarted(orgId: string, params: { branchId?: string; limit?: number; offset?: number } = {}): Promise<Page<NotStartedGraduate>> {
    return requestPage<NotStartedGraduate>(`/orgs/${enc(orgId)}/not-started`, params)
  },
  /** One reminder link per graduate; the tokens are shown only in this answer. */
  createReminders(memberIds: string[], expiresInDays?: number): Promise<CreatedReminder[]> {
    return request<CreatedReminder[]>('POST', '/reminders', expiresInDays ? { memberIds, expiresInDays } : { memberIds })
  },
  reminders(params: { orgId?: string; memberId?: string; limit?: number } = {}): Promise<ReminderTrack[]> {
    return request<ReminderTrack[]>('GET', '/reminders', undefined, params)
  },
  /** The graduate opening their own link (records the open). */
  openReminder(token: string): Promise<ReminderLanding> {
    return request<ReminderLanding>('GET', `/reminders/${enc(token)}`)
  },
}

export type Api = typeof api
export { ApiError, toApiError } from './errors'
export { getToken, getSessionUser, mustChangePassword, markPasswordChanged, clearSession } from './token'
export { API_BASE } from './client'
export type * from './types'
