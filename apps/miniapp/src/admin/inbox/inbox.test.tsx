import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { apiError, collegeAdmin, transfer } from '../../../test/fixtures'
import { adminDraftStore } from '../../store/draft'
import InboxPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>
const PENDING: Record<string, string[]> = { outgoing: ['pending-outgoing'], incoming: ['pending-incoming', 'pending-assignment'] }

/** A fake API over a fixed set of transfers per box, filtering like the server. */
function serve(boxes: Record<string, ReturnType<typeof transfer>[]>) {
  mocked.inbox!.mockImplementation(async (box: string, status?: string, state?: string, page: { limit?: number; offset?: number } = {}) => {
    const all = (boxes[box] ?? []).filter((t) => !status || t.status === status)
    const counts: Record<string, number> = {}
    for (const t of all) counts[t.status] = (counts[t.status] ?? 0) + 1
    const mine = (t: { status: string }) => PENDING[box]!.includes(t.status)
    // follow-up, as the API: the box's township refusals (the ones a view carries `escalation` for)
    const items = all.filter((t) => !state || (state === 'follow-up' ? t.status === 'rejected' && !!t.escalation : state === 'pending' ? mine(t) : !mine(t)))
    const from = page.offset ?? 0
    return { items: items.slice(from, from + (page.limit ?? 100)), counts }
  })
}

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({})
  mocked.me!.mockResolvedValue(collegeAdmin)
})

test('the college opens on its pending outgoing work; finished items sit behind a filter', async () => {
  serve({
    outgoing: [transfer({ memberName: '李明' }), transfer({ id: 't-2', memberName: '张华', status: 'completed' })],
    incoming: [],
  })
  render(<InboxPage />)
  expect(await screen.findByText('李明')).toBeTruthy()
  expect(screen.queryByText('张华')).toBeNull()
  expect(screen.getByText('待处理 1')).toBeTruthy()
  expect(mocked.inbox).toHaveBeenCalledWith('outgoing', undefined, 'pending')
  fireEvent.click(screen.getByText('已处理 1'))
  expect(await screen.findByText('张华')).toBeTruthy()
  await waitFor(() => expect(screen.queryByText('李明')).toBeNull())
  expect(mocked.inbox).toHaveBeenLastCalledWith('outgoing', undefined, 'done')
  fireEvent.click(screen.getByText('全部 2'))
  expect(await screen.findByText('李明')).toBeTruthy()
  expect(mocked.inbox).toHaveBeenLastCalledWith('outgoing', undefined, undefined)
})

test('a receiving admin with nothing outgoing lands on 转入审批, its pending count on the tab', async () => {
  serve({
    outgoing: [transfer({ id: 't-9', memberName: '旧的', status: 'completed' })],
    incoming: [
      transfer({ id: 't-3', memberName: '陈晨', status: 'pending-incoming' }),
      transfer({ id: 't-4', memberName: '周杰', status: 'pending-assignment' }),
      transfer({ id: 't-5', memberName: '吴昊', status: 'completed' }),
    ],
  })
  render(<InboxPage />)
  expect(await screen.findByText('陈晨')).toBeTruthy()
  expect(screen.getByText('周杰')).toBeTruthy()
  expect(screen.queryByText('吴昊')).toBeNull()
  expect(screen.getByText('转入审批').closest('.chip')!.className).toContain('chip-active')
  expect(screen.getByText('转入审批').closest('.chip')!.textContent).toBe('转入审批2')
  expect(screen.getByText('待处理 2')).toBeTruthy()
  expect(screen.queryByText('代为发起接转')).toBeNull()
})

test('switching box starts again on its pending items', async () => {
  serve({ outgoing: [transfer({ memberName: '李明' })], incoming: [transfer({ id: 't-3', memberName: '陈晨', status: 'pending-incoming' })] })
  render(<InboxPage />)
  await screen.findByText('李明')
  fireEvent.click(screen.getByText('转入审批'))
  expect(await screen.findByText('陈晨')).toBeTruthy()
  expect(mocked.inbox).toHaveBeenLastCalledWith('incoming', undefined, 'pending')
  expect(screen.queryByText('代为发起接转')).toBeNull()
  fireEvent.click(screen.getByText('发起转入'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminPullIn)
})

test('with nothing pending anywhere it says the work is done', async () => {
  serve({ outgoing: [transfer({ id: 't-2', memberName: '张华', status: 'completed' })], incoming: [] })
  render(<InboxPage />)
  expect(await screen.findByText('没有待处理的接转，都处理完了。')).toBeTruthy()
  expect(screen.getByText('已处理 1')).toBeTruthy()
})

/** A township's refusal as the API shows it to `actions`' holder (the school: escalate, keep). */
const refusal = (actions: ('escalate' | 'retain-pending')[]) => ({
  level: 'township' as const, next: 'county' as const, levels: [], current: null, floatingBranch: null, retainedUntil: null, actions,
})

test('a township refusal the school still has steps on stays in sight of the outgoing box, not "all done"', async () => {
  serve({
    outgoing: [
      transfer({ id: 't-6', memberName: '杨帆', status: 'rejected', target: 'township-org', escalation: refusal(['escalate', 'retain-pending']) }),
      // The college's own rejection: the member's to redo, nothing for the school to follow up.
      transfer({ id: 't-7', memberName: '王芳', status: 'rejected' }),
      // Kept and escalated to the top already: nothing left to do here.
      transfer({ id: 't-8', memberName: '赵磊', status: 'rejected', target: 'township-org', escalation: refusal([]) }),
    ],
    incoming: [],
  })
  render(<InboxPage />)
  expect(await screen.findByText('乡镇（街道）不接收，待学校跟进')).toBeTruthy()
  expect(mocked.inbox).toHaveBeenCalledWith('outgoing', undefined, 'follow-up')
  expect(screen.getByText('杨帆')).toBeTruthy()
  expect(screen.queryByText('王芳')).toBeNull()
  expect(screen.queryByText('赵磊')).toBeNull()
  expect(screen.queryByText('没有待处理的接转，都处理完了。')).toBeNull()
  fireEvent.click(screen.getByText('杨帆'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminDetail, { id: 't-6', box: 'outgoing' })
  // Under 已处理 the refusals are in the list itself: no second copy above it.
  fireEvent.click(screen.getByText('已处理 3'))
  expect(await screen.findByText('王芳')).toBeTruthy()
  expect(screen.queryByText('乡镇（街道）不接收，待学校跟进')).toBeNull()
  expect(screen.getAllByText('杨帆')).toHaveLength(1)
})

test('more waiting than a page holds: the rest one tap away, in the same order, none twice', async () => {
  serve({ outgoing: Array.from({ length: 130 }, (_, i) => transfer({ id: `t-${i}`, memberName: `毕业生${i}` })), incoming: [] })
  render(<InboxPage />)
  expect(await screen.findByText('毕业生99')).toBeTruthy()
  expect(screen.queryByText('毕业生100')).toBeNull()
  fireEvent.click(screen.getByText('加载更多（还有 30 条）'))
  expect(await screen.findByText('毕业生129')).toBeTruthy()
  expect(mocked.inbox).toHaveBeenLastCalledWith('outgoing', undefined, 'pending', { offset: 100 })
  expect(screen.getAllByText(/^毕业生\d+$/)).toHaveLength(130)
  expect(screen.queryByText(/加载更多/)).toBeNull()
})

test('a row opens the detail; the outgoing box can start on a graduate\'s behalf', async () => {
  serve({ outgoing: [transfer({ memberName: '李明' })], incoming: [] })
  render(<InboxPage />)
  fireEvent.click(await screen.findByText('李明'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminDetail, { id: 't-1', box: 'outgoing' })
  fireEvent.click(screen.getByText('代为发起接转'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminStart)
})

test('shows the API message', async () => {
  mocked.inbox!.mockRejectedValue(apiError(403, 'FORBIDDEN', '你没有权限查看'))
  render(<InboxPage />)
  expect(await screen.findByText('你没有权限查看')).toBeTruthy()
})

test('a role without an inbox says so', async () => {
  mocked.me!.mockResolvedValue({ ...collegeAdmin, roles: [{ role: 'counsellor', orgId: 'cs', orgName: '计算机学院团委' }] })
  render(<InboxPage />)
  expect(await screen.findByText('你的账号没有可处理的接转审批。')).toBeTruthy()
  expect(mocked.inbox).not.toHaveBeenCalled()
})

test('代为发起 resumes a start left half-done but never opens an unsaved 修改申请 as a new start', async () => {
  serve({ outgoing: [transfer({ memberName: '李明' })], incoming: [] })
  render(<InboxPage />)
  await screen.findByText('李明')
  adminDraftStore.set({ ...adminDraftStore.get(), member: { id: 'm-2', name: '王芳', idNumberMasked: '420***', orgName: '某支部' } })
  fireEvent.click(screen.getByText('代为发起接转'))
  expect(adminDraftStore.get().member?.id).toBe('m-2')
  adminDraftStore.set({ ...adminDraftStore.get(), editing: 't-7' })
  fireEvent.click(screen.getByText('代为发起接转'))
  expect(adminDraftStore.get().member).toBeNull()
  expect(adminDraftStore.get().editing).toBeUndefined()
  adminDraftStore.reset()
})

test('a waiting transfer the caller cannot decide says whose step it is, on the row', async () => {
  serve({
    outgoing: [
      transfer({ id: 't-1', memberName: '李明', allowedActions: ['approve', 'reject'] }),
      transfer({ id: 't-2', memberName: '王芳', path: 'retention', target: 'school-abroad-branch', allowedActions: [] }),
      transfer({ id: 't-3', memberName: '赵强', allowedActions: [] }),
    ],
    incoming: [],
  })
  render(<InboxPage />)
  const own = (await screen.findByText('李明')).closest('.inbox-item') as HTMLElement
  expect(own.textContent).not.toContain('你无需操作')
  const retention = screen.getByText('王芳').closest('.inbox-item') as HTMLElement
  expect(retention.textContent).toContain('保留在校由院系团委审批，你无需操作')
  const other = screen.getByText('赵强').closest('.inbox-item') as HTMLElement
  expect(other.textContent).toContain('这一步由其他管理员审批，你无需操作')
})
