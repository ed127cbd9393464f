/**
 * The typed client for contract §2, in the shapes of @xianjie/contract (the API returns the same
 * types). Pages import `api` and nothing below it, so tests replace this one module.
 */
import type { TransferStatus } from '@xianjie/rules'
import { downloadFile, request, requestBytes, requestPage } from './client'
import { clearSession, saveSession } from './token'
import type {
  Box, CampaignDatesBody, CampaignView, CreatedReminder, ImportReport, Inbox, LoginResult, Me, MemberCard, MemberQuery, MemberSummary,
  ModifyTransferBody, NotStartedGraduate, NotStartedQuery, OrgQuery, OrgView, Page, PasswordHelp, PhoneBody, ProgressReport, ReminderLanding,
  ReminderListQuery, ReminderSummary, ReminderSummaryQuery, ReminderTrack, RetentionLedgerQuery, RetentionLedgerRow, StartTransferBody, StatisticsTable, TransferView,
  WechatBindResult, PullInBatchResult, PullInCandidate, WaitingGraduate, WaitingQuery, InboxState,
  DestinationReportBody, DestinationReportView, DestinationRow, DestinationsQuery,
  BranchMarkView, MarkBranchesBody, MarkBranchesResult, ReportIntervalBody, ReportIntervalView, WxaCodeResult,
  AbroadReportBody, AbroadReportView, DecisionBody, PageQuery, RecordDeletionBody, RequestQuery, RequestView, TownshipCorrectionBody,
  UnplacedMoveBody, UnplacedMoveResult, UnplacedMoveView, SpecialUnitQuery, SpecialUnitRow,
} from '@xianjie/contract'

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
  forgotPassword(idNumber: string, name: string): Promise<PasswordHelp> {
    return request<PasswordHelp>('POST', '/auth/forgot-password', { idNumber, name })
  },
  changePassword(oldPassword: string, newPassword: string): Promise<void> {
    return request<void>('POST', '/auth/change-password', { oldPassword, newPassword })
  },
  /** Binds this account to the phone's WeChat (wx.login code) so reminders can reach it. */
  wechatBind(code: string): Promise<WechatBindResult> {
    return request<WechatBindResult>('POST', '/auth/wechat-bind', { code })
  },
  logout(): void {
    clearSession()
  },
  me(): Promise<Me> {
    return request<Me>('GET', '/me')
  },
  /** One's own mobile; 409 PHONE_TAKEN when it is someone else's. */
  changePhone(phone: string): Promise<PhoneBody> {
    return request<PhoneBody>('PUT', '/me/phone', { phone } satisfies PhoneBody)
  },
  /** 出国(境)团员定期报告: a member kept abroad reports on themselves; 409 NOT_KEPT_ABROAD otherwise. */
  abroadReport(note: string): Promise<AbroadReportView> {
    return request<AbroadReportView>('POST', '/me/abroad-reports', { note } satisfies AbroadReportBody)
  },
  /** Requests to a superior; `box: 'waiting'` is what waits for the caller's own orgs, `'sent'` what they reported. */
  requests(params: RequestQuery = {}): Promise<Page<RequestView>> {
    return requestPage<RequestView>('/requests', params)
  },
  /** 乡镇街道团委标识更正: reported to the org's superior, who decides or passes it up. */
  reportTownshipFlag(orgId: string, body: TownshipCorrectionBody): Promise<RequestView> {
    return request<RequestView>('POST', `/orgs/${enc(orgId)}/township-correction`, body)
  },
  /** 申请删除误录记录: the member themself (record marked non-member) or an org-admin over them; the school committee checks it first. */
  requestRecordDeletion(memberId: string, body: RecordDeletionBody): Promise<RequestView> {
    return request<RequestView>('POST', `/members/${enc(memberId)}/deletion-request`, body)
  },
  /** 同意 / 驳回 / 上报上一级 (township corrections only forward). */
  decideRequest(id: string, action: 'approve' | 'reject' | 'forward', comment?: string): Promise<RequestView> {
    const body: DecisionBody = comment ? { comment } : {}
    return request<RequestView>('POST', `/requests/${enc(id)}/${action}`, body)
  },
  /** Children of `parentId` (the roots without it), or a name search with `q`. */
  orgs(params: OrgQuery): Promise<OrgView[]> {
    return request<OrgView[]>('GET', '/orgs', undefined, params)
  },
  org(id: string): Promise<OrgView> {
    return request<OrgView>('GET', `/orgs/${enc(id)}`)
  },
  /** 发起转入, step one: whom the ID number and name find (404 whichever was wrong). */
  pullInLookup(memberIdNumber: string, memberName: string): Promise<PullInCandidate> {
    return request<PullInCandidate>('POST', '/transfers/pull-in/lookup', { memberIdNumber, memberName })
  },
  /** 批量转入: an .xlsx of name + ID number + receiving branch; every row answered. */
  pullInBatch(bytes: ArrayBuffer): Promise<PullInBatchResult> {
    return requestBytes<PullInBatchResult>('POST', '/transfers/pull-in/batch', bytes, XLSX_TYPE)
  },
  /** Waiting further-study graduates who named a school whose new-students org the caller runs. */
  /** 毕业去向预填: the caller's own report (null before the first). */
  myDestination(): Promise<DestinationReportView | null> {
    return request<DestinationReportView | null>('GET', '/me/destination')
  },
  saveDestination(body: DestinationReportBody): Promise<DestinationReportView> {
    return request<DestinationReportView>('PUT', '/me/destination', body)
  },
  /** A year's graduating cohort under an org and what each reported (ID masked), a page at a time. */
  destinations(orgId: string, params: DestinationsQuery = {}): Promise<Page<DestinationRow>> {
    return requestPage<DestinationRow>(`/orgs/${enc(orgId)}/destinations`, params)
  },
  pullInWaiting(params: WaitingQuery = {}): Promise<Page<WaitingGraduate>> {
    return requestPage<WaitingGraduate>('/transfers/pull-in/waiting', params)
  },
  pullInTemplate(): Promise<ArrayBuffer> {
    return requestBytes<ArrayBuffer>('GET', '/transfers/pull-in/template')
  },
  startTransfer(body: StartTransferBody): Promise<TransferView> {
    return request<TransferView>('POST', '/transfers', body)
  },
  /** 修改申请 (PATCH /transfers/:id, sent as POST …/modify: wx.request has no PATCH). */
  modifyTransfer(id: string, body: ModifyTransferBody): Promise<TransferView> {
    return request<TransferView>('POST', `/transfers/${enc(id)}/modify`, body)
  },
  transfer(id: string): Promise<TransferView> {
    return request<TransferView>('GET', `/transfers/${enc(id)}`)
  },
  /** `state`: 待处理 (waiting for this box's side), 已处理, or follow-up (the outgoing box's township refusals); omitted, everything. */
  inbox(box: Box, status?: TransferStatus, state?: InboxState, page: PageQuery = {}): Promise<Inbox> {
    return request<Inbox>('GET', '/transfers', undefined, { box, status, state, ...page })
  },
  approve(id: string, comment?: string): Promise<TransferView> {
    return request<TransferView>('POST', `/transfers/${enc(id)}/approve`, comment ? { comment } : {})
  },
  reject(id: string, reason: string): Promise<TransferView> {
    return request<TransferView>('POST', `/transfers/${enc(id)}/reject`, { reason })
  },
  withdraw(id: string): Promise<TransferView> {
    return request<TransferView>('POST', `/transfers/${enc(id)}/withdraw`, {})
  },
  assign(id: string, branchId: string): Promise<TransferView> {
    return request<TransferView>('POST', `/transfers/${enc(id)}/assign`, { branchId })
  },
  /** A township refused: the school raises it with the next level up (区县, then city). */
  escalate(id: string, comment?: string): Promise<TransferView> {
    return request<TransferView>('POST', `/transfers/${enc(id)}/escalate`, comment ? { comment } : {})
  },
  /** Meanwhile the school keeps the member until `until` (YYYY-MM-DD, ≤ 6 months). */
  retainPending(id: string, until: string): Promise<TransferView> {
    return request<TransferView>('POST', `/transfers/${enc(id)}/retain-pending`, { until })
  },
  memberTransfers(memberId: string): Promise<TransferView[]> {
    return request<TransferView[]>('GET', `/members/${enc(memberId)}/transfers`)
  },
  members(params: MemberQuery): Promise<MemberSummary[]> {
    return request<MemberSummary[]>('GET', '/members', undefined, params)
  },
  /** A branch secretary puts a member back on the initial password (the ID's last 8), to be changed at next login. */
  resetPassword(memberId: string): Promise<void> {
    return request<void>('POST', `/members/${enc(memberId)}/reset-password`, {})
  },
  /** One member's card; the only place a full phone comes from (lists mask it). */
  member(id: string): Promise<MemberCard> {
    return request<MemberCard>('GET', `/members/${enc(id)}`)
  },
  /** The graduating cohort's progress under an org, with one entry per child org (drill-down). */
  progress(orgId: string, year?: number): Promise<ProgressReport> {
    return request<ProgressReport>('GET', `/orgs/${enc(orgId)}/progress`, undefined, { year })
  },
  campaign(orgId: string, year?: number): Promise<CampaignView> {
    return request<CampaignView>('GET', `/orgs/${enc(orgId)}/campaign`, undefined, { year })
  },
  /** The school's admin sets its dates (per group too); omitted ones keep theirs. */
  saveCampaign(orgId: string, dates: CampaignDatesBody, year?: number): Promise<CampaignView> {
    return request<CampaignView>('PUT', `/orgs/${enc(orgId)}/campaign`, dates, { year })
  },
  /** The retention ledger (保留台账): overdue first; every open record unless `state` names one. */
  retention(orgId: string, params: RetentionLedgerQuery = {}): Promise<Page<RetentionLedgerRow>> {
    return requestPage<RetentionLedgerRow>(`/orgs/${enc(orgId)}/retention`, params)
  },
  /** 标记团支部毕业时间: the branches under the org and their marks. */
  graduationMarks(orgId: string): Promise<BranchMarkView[]> {
    return request<BranchMarkView[]>('GET', `/orgs/${enc(orgId)}/graduation-marks`)
  },
  /** One date (or one reason) for a batch of branches; a mark cannot be undone. */
  markBranches(orgId: string, body: MarkBranchesBody): Promise<MarkBranchesResult> {
    return request<MarkBranchesResult>('POST', `/orgs/${enc(orgId)}/graduation-marks`, body)
  },
  /** A graduated branch whose members have all left (the API checks both). */
  deleteBranch(branchId: string): Promise<void> {
    return request<void>('DELETE', `/orgs/${enc(branchId)}`)
  },
  /** How often the members abroad under the org report: its own setting, the nearest above, or the default. */
  abroadReportInterval(orgId: string): Promise<ReportIntervalView> {
    return request<ReportIntervalView>('GET', `/orgs/${enc(orgId)}/abroad-report-interval`)
  },
  setAbroadReportInterval(orgId: string, months: number): Promise<ReportIntervalView> {
    return request<ReportIntervalView>('PUT', `/orgs/${enc(orgId)}/abroad-report-interval`, { months } satisfies ReportIntervalBody)
  },
  statistics(orgId: string, year?: number): Promise<StatisticsTable> {
    return request<StatisticsTable>('GET', `/orgs/${enc(orgId)}/statistics`, undefined, { year })
  },
  /** 报送: the school files this year's table upward. */
  fileStatistics(orgId: string, year?: number): Promise<StatisticsTable> {
    return request<StatisticsTable>('POST', `/orgs/${enc(orgId)}/statistics/filing`, {}, { year })
  },
  /** The table as an .xlsx file: downloaded in H5, opened with the phone's viewer in WeChat. */
  exportStatistics(orgId: string, year: number): Promise<void> {
    return downloadFile(`/orgs/${enc(orgId)}/statistics`, { year, format: 'xlsx' }, `statistics-${year}.xlsx`)
  },
  /** Graduates under the org (or only under `branchId`) who have not started a transfer. */
  notStarted(orgId: string, params: Omit<NotStartedQuery, 'year'> = {}): Promise<Page<NotStartedGraduate>> {
    return requestPage<NotStartedGraduate>(`/orgs/${enc(orgId)}/not-started`, params)
  },
  /**
   * 特殊单位专属库: the org's cohort sent to a special unit (military, classified) — those waiting for
   * the provincial review first, then the library the progress count is made of (404 outside scope).
   */
  specialUnit(orgId: string, params: SpecialUnitQuery = {}): Promise<Page<SpecialUnitRow>> {
    return requestPage<SpecialUnitRow>(`/orgs/${enc(orgId)}/special-unit`, params)
  },
  /** 未落实去向转入流动团员团支部: the school's floating branches, from when a move opens, and how many could go (404 outside the caller's admin scope). */
  unplacedMove(orgId: string, year?: number): Promise<UnplacedMoveView> {
    return request<UnplacedMoveView>('GET', `/orgs/${enc(orgId)}/unplaced-move`, undefined, { year })
  },
  /** Moves up to UNPLACED_MOVE_MAX graduates, each answered on their own (moved, or why not). */
  moveUnplaced(orgId: string, body: UnplacedMoveBody): Promise<UnplacedMoveResult> {
    return request<UnplacedMoveResult>('POST', `/orgs/${enc(orgId)}/unplaced-move`, body)
  },
  /** One reminder link per graduate; the tokens are shown only in this answer. */
  createReminders(memberIds: string[], expiresInDays?: number): Promise<CreatedReminder[]> {
    return request<CreatedReminder[]>('POST', '/reminders', expiresInDays ? { memberIds, expiresInDays } : { memberIds })
  },
  /** The tracking list, newest first, a page at a time (`total`: how many links in all). */
  reminders(params: ReminderListQuery = {}): Promise<Page<ReminderTrack>> {
    return requestPage<ReminderTrack>('/reminders', params)
  },
  /** The same links counted over all of them: sent, opened, started, completed. */
  reminderSummary(params: ReminderSummaryQuery = {}): Promise<ReminderSummary> {
    return request<ReminderSummary>('GET', '/reminders/summary', undefined, params)
  },
  /** The graduate opening their own link (records the open). */
  openReminder(token: string): Promise<ReminderLanding> {
    return request<ReminderLanding>('GET', `/reminders/${enc(token)}`)
  },
  /** The same, from the short code a scanned 小程序码 carries in its `scene`. */
  openReminderCode(code: string): Promise<ReminderLanding> {
    return request<ReminderLanding>('GET', `/reminders/s/${enc(code)}`)
  },
  /** The 小程序码 for a link the caller just made. */
  reminderWxaCode(code: string): Promise<WxaCodeResult> {
    return request<WxaCodeResult>('POST', '/reminders/wxacode', { code })
  },
}

export type Api = typeof api
export { ApiError, toApiError } from './errors'
export { getToken, getSessionUser, mustChangePassword, markPasswordChanged, clearSession } from './token'
export { API_BASE } from './client'
