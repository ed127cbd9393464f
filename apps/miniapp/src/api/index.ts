/**
 * The typed client for contract §2. Pages import `api` and nothing below it, so tests
 * replace this one module.
 */
import { request } from './client'
import { clearSession, saveSession } from './token'
import type {
  Box, Inbox, LoginResult, Me, MemberSummary, Org, StartTransferBody, Transfer,
} from './types'

const enc = encodeURIComponent

export const api = {
  async login(idNumber: string, password: string): Promise<LoginResult> {
    const result = await request<LoginResult>('POST', '/auth/login', { idNumber, password })
    saveSession(result.token, result.user, result.mustChangePassword)
    return result
  },
  changePassword(oldPassword: string, newPassword: string): Promise<void> {
    return request<void>('POST', '/auth/change-password', { oldPassword, newPassword })
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
}

export type Api = typeof api
export { ApiError, toApiError } from './errors'
export { getToken, getSessionUser, mustChangePassword, markPasswordChanged, clearSession } from './token'
export { API_BASE } from './client'
export type * from './types'
