import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { RequestView } from '@xianjie/contract'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { apiError, collegeAdmin } from '../../../test/fixtures'
import RequestsPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>
const params = useParams as jest.Mock

function req(partial: Partial<RequestView> & Pick<RequestView, 'id' | 'kind'>): RequestView {
  return {
    subjectId: 's-1', subjectName: '某某', deciderOrgId: 'city', payload: {}, reason: '理由', status: 'pending',
    createdById: 'a-9', createdAt: '2026-11-30T02:00:00Z', decidedById: null, decidedAt: null, decisionComment: null,
    stage: null, forwardedById: null, forwardedAt: null, forwardComment: null, deciderOrgName: '武汉市团委',
    subjectFullName: null, case: null, trail: [], ...partial,
  }
}

const township = req({
  id: 'q-1', kind: 'township-correction', subjectName: '关山街道团工委',
  subjectFullName: '共青团湖北省委 武汉市团委 洪山区团委 关山街道团工委', case: 'wrongly-not-flagged', reason: '关山街道是街道办事处',
  trail: [{ fromOrgId: 'hongshan', fromOrgName: '洪山区团委', toOrgId: 'city', toOrgName: '武汉市团委', byId: 'a-8', at: '2026-12-01T02:00:00Z', comment: '情况属实' }],
})
const deletion = req({ id: 'q-2', kind: 'record-deletion', subjectName: '张三', reason: '误录为团员' })
const page = (items: RequestView[], total = items.length) => ({ items, total })
const card = (text: string) => screen.getByText(text).closest('.request-item') as HTMLElement

beforeEach(() => {
  jest.clearAllMocks()
  params.mockReturnValue({})
  mocked.me!.mockResolvedValue(collegeAdmin)
  mocked.requests!.mockResolvedValue(page([township, deletion]))
})

test('lists what waits for my org: kind, the org in full, case, reason, who passed it on', async () => {
  render(<RequestsPage />)
  expect(await screen.findByText('共青团湖北省委 武汉市团委 洪山区团委 关山街道团工委')).toBeTruthy()
  expect(mocked.requests).toHaveBeenCalledWith({ box: 'waiting', limit: 50 })
  expect(screen.getByText('乡镇街道团委标识更正')).toBeTruthy()
  expect(screen.getByText('应标未标为乡镇街道团委')).toBeTruthy()
  expect(screen.getByText(/洪山区团委 → 武汉市团委（2026-12-01 .*）：情况属实/)).toBeTruthy()
  expect(screen.getByText('删除团员信息')).toBeTruthy()
  // Only a township correction travels up.
  expect(within(card('张三')).queryByText('上报上一级')).toBeNull()
})

test('上报上一级 and 同意 call the API and each item leaves with a result line', async () => {
  mocked.decideRequest!.mockImplementation(async (id: string) => ({ ...(id === 'q-1' ? township : deletion), status: 'approved' }))
  render(<RequestsPage />)
  await screen.findByText('张三')
  const first = card('共青团湖北省委 武汉市团委 洪山区团委 关山街道团工委')
  fireEvent.input(within(first).getByLabelText('意见（选填）'), { target: { value: '请省团委定夺' } })
  fireEvent.click(within(first).getByText('上报上一级'))
  expect(await screen.findByText('已上报：乡镇街道团委标识更正 · 共青团湖北省委 武汉市团委 洪山区团委 关山街道团工委')).toBeTruthy()
  expect(mocked.decideRequest).toHaveBeenCalledWith('q-1', 'forward', '请省团委定夺')
  expect(screen.queryByText('上报上一级')).toBeNull()
  fireEvent.click(within(card('张三')).getByText('同意'))
  expect(await screen.findByText('已同意：删除团员信息 · 张三')).toBeTruthy()
  expect(mocked.decideRequest).toHaveBeenCalledWith('q-2', 'approve', undefined)
  await waitFor(() => expect(document.querySelector('.request-item')).toBeNull())
  expect(screen.getByText('没有等待本组织处理的请求。')).toBeTruthy()
})

test('a refused action keeps the item and shows the API\'s message', async () => {
  mocked.decideRequest!.mockRejectedValue(apiError(409, 'REQUEST_CLOSED', '该申请已处理，不能重复处理'))
  render(<RequestsPage />)
  await screen.findByText('张三')
  fireEvent.click(within(card('张三')).getByText('驳回'))
  expect(await screen.findByText('该申请已处理，不能重复处理')).toBeTruthy()
  expect(screen.getByText('张三')).toBeTruthy()
  expect(mocked.decideRequest).toHaveBeenCalledWith('q-2', 'reject', undefined)
})

const sent = [
  req({
    id: 's-1', kind: 'township-correction', subjectName: '关山街道团工委', deciderOrgId: 'hubei', deciderOrgName: '共青团湖北省委',
    subjectFullName: '共青团湖北省委 / 共青团武汉市委 / 共青团武汉市洪山区委 / 关山街道团工委', case: 'wrongly-flagged', reason: '已撤街改制',
    trail: [
      { fromOrgId: 'hongshan', fromOrgName: '共青团武汉市洪山区委', toOrgId: 'wuhan', toOrgName: '共青团武汉市委', byId: 'a-8', at: '2026-12-01T02:00:00Z', comment: '情况属实' },
      { fromOrgId: 'wuhan', fromOrgName: '共青团武汉市委', toOrgId: 'hubei', toOrgName: '共青团湖北省委', byId: 'a-9', at: '2026-12-01T03:00:00Z', comment: null },
    ],
  }),
  req({
    id: 's-2', kind: 'township-correction', subjectName: '珞喻街道团工委', subjectFullName: '共青团湖北省委 / 珞喻街道团工委', case: 'flag-empty',
    status: 'approved', deciderOrgName: '共青团武汉市洪山区委', decidedAt: '2026-12-02T02:00:00Z', decisionComment: '核实无误',
  }),
  req({ id: 's-3', kind: 'township-correction', subjectName: '卓刀泉街道团工委', case: 'wrongly-not-flagged', status: 'rejected', deciderOrgName: '共青团武汉市洪山区委' }),
]

test('我提交的: each request says which level has it now or who decided, with the trail', async () => {
  mocked.requests!.mockImplementation(async ({ box }: { box: string }) => page(box === 'sent' ? sent : [township]))
  render(<RequestsPage />)
  await screen.findByText('共青团湖北省委 武汉市团委 洪山区团委 关山街道团工委')
  fireEvent.click(screen.getByText('我提交的'))
  expect(await screen.findByText('等待 共青团湖北省委 处理')).toBeTruthy()
  expect(mocked.requests).toHaveBeenLastCalledWith({ box: 'sent', limit: 50 })
  const first = card('等待 共青团湖北省委 处理')
  expect(within(first).getByText('共青团湖北省委 / 共青团武汉市委 / 共青团武汉市洪山区委 / 关山街道团工委')).toBeTruthy()
  expect(within(first).getByText('误标为乡镇街道团委')).toBeTruthy()
  expect(within(first).getByText(/共青团武汉市洪山区委 → 共青团武汉市委（.*）：情况属实/)).toBeTruthy()
  expect(within(first).getByText(/共青团武汉市委 → 共青团湖北省委（.*）$/)).toBeTruthy()
  // The decided ones: who decided, and what they said; nothing here can be approved or passed up.
  expect(within(card('共青团武汉市洪山区委 已同意')).getByText('核实无误')).toBeTruthy()
  expect(screen.getByText('共青团武汉市洪山区委 已驳回')).toBeTruthy()
  expect(screen.queryByText('同意')).toBeNull()
  expect(screen.queryByText('上报上一级')).toBeNull()
  // Back to what waits for me.
  fireEvent.click(screen.getByText('待我处理'))
  expect(await screen.findByText('上报上一级')).toBeTruthy()
  expect(mocked.requests).toHaveBeenLastCalledWith({ box: 'waiting', limit: 50 })
})

test('opened with box=sent (after a report) it starts on 我提交的; empty says so; the report screen is one tap away', async () => {
  params.mockReturnValue({ box: 'sent' })
  mocked.requests!.mockResolvedValue(page([]))
  render(<RequestsPage />)
  expect(await screen.findByText('你还没有提交过请求。')).toBeTruthy()
  expect(mocked.requests).toHaveBeenCalledWith({ box: 'sent', limit: 50 })
  expect(mocked.requests).not.toHaveBeenCalledWith(expect.objectContaining({ box: 'waiting' }))
  fireEvent.click(screen.getByText('报告乡镇街道团委标识有误'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminTownshipReport)
})

test('a long list comes a page at a time; a decided item leaves the count, so the next page starts where the server\'s list does', async () => {
  const many = Array.from({ length: 3 }, (_, i) => req({ id: `q-${10 + i}`, kind: 'record-deletion', subjectName: `团员${i}`, reason: '误录' }))
  // The server's waiting list, two a page: a decided request leaves it.
  const waiting = [...many]
  mocked.requests!.mockImplementation(async ({ offset = 0 }: { offset?: number }) => page(waiting.slice(offset, offset + 2), waiting.length))
  mocked.decideRequest!.mockImplementation(async (id: string) => {
    const [done] = waiting.splice(waiting.findIndex((r) => r.id === id), 1)
    return { ...done!, status: 'rejected' }
  })
  render(<RequestsPage />)
  await screen.findByText('团员1')
  expect(screen.getByText('加载更多（还有 1 条）')).toBeTruthy()
  // Deciding one takes it off the server's list too: one fewer to skip, still one left to load.
  fireEvent.click(within(card('团员0')).getByText('驳回'))
  await waitFor(() => expect(screen.queryByText('团员0')).toBeNull())
  fireEvent.click(screen.getByText('加载更多（还有 1 条）'))
  expect(await screen.findByText('团员2')).toBeTruthy()
  expect(mocked.requests).toHaveBeenLastCalledWith({ box: 'waiting', limit: 50, offset: 1 })
  expect(screen.queryByText(/加载更多/)).toBeNull()
})

test('a provincial reviewer decides the deletions a school committee passed on, sees what the school said, and is offered no report', async () => {
  mocked.me!.mockResolvedValue({ ...collegeAdmin, id: 'a-hubei-reviewer', name: '邓老师', roles: [{ role: 'provincial-reviewer', orgId: 'hubei', orgName: '共青团湖北省委' }] })
  const forwarded = req({
    id: 'q-5', kind: 'record-deletion', subjectName: '王芳', reason: '本人从未入团，系误录', payload: { isPartyMember: false }, stage: 'provincial',
    deciderOrgId: 'hubei', deciderOrgName: '共青团湖北省委', forwardedById: 'a-chutian', forwardedAt: '2026-06-02T02:00:00Z', forwardComment: '情况属实，报省委',
  })
  mocked.requests!.mockResolvedValue(page([forwarded]))
  mocked.decideRequest!.mockResolvedValue({ ...forwarded, status: 'approved' })
  render(<RequestsPage />)
  const item = (await screen.findByText('王芳')).closest('.request-item') as HTMLElement
  expect(mocked.requests).toHaveBeenCalledWith({ box: 'waiting', limit: 50 })
  expect(within(item).getByText('删除团员信息')).toBeTruthy()
  expect(within(item).getByText('学校团委核实意见')).toBeTruthy()
  expect(within(item).getByText('情况属实，报省委')).toBeTruthy()
  expect(within(item).getByText('中共党员（含预备党员）').nextSibling?.textContent).toBe('否')
  expect(within(item).queryByText('上报上一级')).toBeNull()
  await waitFor(() => expect(mocked.me).toHaveBeenCalled())
  expect(screen.queryByText('报告乡镇街道团委标识有误')).toBeNull()
  fireEvent.click(within(item).getByText('同意'))
  expect(await screen.findByText('已同意：删除团员信息 · 王芳')).toBeTruthy()
  expect(mocked.decideRequest).toHaveBeenCalledWith('q-5', 'approve', undefined)
})

test('a deletion still at the school shows no school comment yet', async () => {
  mocked.requests!.mockResolvedValue(page([req({ id: 'q-6', kind: 'record-deletion', subjectName: '赵六', payload: { isPartyMember: true }, stage: 'school' })]))
  render(<RequestsPage />)
  const item = (await screen.findByText('赵六')).closest('.request-item') as HTMLElement
  expect(within(item).getByText('中共党员（含预备党员）').nextSibling?.textContent).toBe('是')
  expect(within(item).queryByText('学校团委核实意见')).toBeNull()
  expect(await screen.findByText('报告乡镇街道团委标识有误')).toBeTruthy()
})

test('a school committee\'s 同意 on a deletion says it went on to the province, not that it is done', async () => {
  mocked.decideRequest!.mockResolvedValue({ ...deletion, status: 'pending', stage: 'provincial', deciderOrgName: '共青团湖北省委' })
  render(<RequestsPage />)
  fireEvent.click(within((await screen.findByText('张三')).closest('.request-item') as HTMLElement).getByText('同意'))
  expect(await screen.findByText('已同意，已报省级团委：删除团员信息 · 张三')).toBeTruthy()
})
