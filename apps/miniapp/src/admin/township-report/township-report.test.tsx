import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { RequestView } from '@xianjie/contract'
import { api } from '../../api'
import { nav, ROUTES } from '../../nav'
import { apiError, org } from '../../../test/fixtures'
import TownshipReportPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>

const hongshan = org({
  id: 'hongshan', name: '共青团武汉市洪山区委', kind: 'leading-organ', domain: 'government', parentId: 'wuhan', hasChildren: true,
  path: [{ id: 'hubei', name: '共青团湖北省委' }, { id: 'wuhan', name: '共青团武汉市委' }, { id: 'hongshan', name: '共青团武汉市洪山区委' }],
})
const under = (o: Parameters<typeof org>[0]) => org({ parentId: 'hongshan', domain: 'township', ...o, path: [...hongshan.path, { id: o.id, name: o.name }] })
const guanshan = under({ id: 'guanshan', name: '关山街道团工委', kind: 'working-committee', isTownship: true, hasChildren: true })
const luoyu = under({ id: 'luoyu', name: '珞喻街道团工委', kind: 'working-committee', isTownship: false })
const sent = (partial: Partial<RequestView>): RequestView => ({
  id: 'q-1', kind: 'township-correction', subjectId: 'guanshan', subjectName: '关山街道团工委', deciderOrgId: 'hongshan', payload: {},
  reason: '已撤街改制', status: 'pending', createdById: 'a-1', createdAt: '2026-12-01T02:00:00Z', decidedById: null, decidedAt: null,
  decisionComment: null, stage: null, forwardedById: null, forwardedAt: null, forwardComment: null, deciderOrgName: '共青团武汉市洪山区委',
  subjectFullName: '共青团湖北省委 / 共青团武汉市委 / 共青团武汉市洪山区委 / 关山街道团工委', case: 'wrongly-flagged', trail: [], ...partial,
})

beforeEach(() => {
  jest.clearAllMocks()
  mocked.me!.mockResolvedValue({ id: 'a-1', name: '韩书记', roles: [{ role: 'org-admin', orgId: 'hongshan', orgName: '共青团武汉市洪山区委' }], member: null })
  mocked.org!.mockResolvedValue(hongshan)
  mocked.orgs!.mockResolvedValue([guanshan, luoyu])
})

const row = async (name: string) => (await screen.findByText(name)).closest('.org-row') as HTMLElement
const option = (label: string) => screen.getByText(label).closest('.option') as HTMLElement

async function pickOrg(name: string) {
  render(<TownshipReportPage />)
  fireEvent.click(within(await row(name)).getByText('选这个'))
}

test('picks an org of its own subtree, sees it in full with its flag, reports it wrongly flagged, and is told where it went', async () => {
  mocked.reportTownshipFlag!.mockResolvedValue(sent({}))
  await pickOrg('关山街道团工委')
  // Only below the admin's own org.
  expect(mocked.orgs).toHaveBeenCalledWith({ parentId: 'hongshan' })
  expect(screen.getByText('共青团湖北省委 / 共青团武汉市委 / 共青团武汉市洪山区委 / 关山街道团工委')).toBeTruthy()
  expect(screen.getByText('是乡镇街道团委')).toBeTruthy()
  // Flagged already: "not flagged but should be" contradicts it and cannot be chosen.
  fireEvent.click(screen.getByText('应标未标为乡镇街道团委'))
  expect(option('应标未标为乡镇街道团委').getAttribute('aria-checked')).toBe('false')
  expect(within(option('应标未标为乡镇街道团委')).getByText('与现在的标识不符')).toBeTruthy()
  fireEvent.click(screen.getByText('误标为乡镇街道团委'))
  expect(option('误标为乡镇街道团委').getAttribute('aria-checked')).toBe('true')
  fireEvent.input(screen.getByLabelText('更正理由'), { target: { value: ' 已撤街改制 ' } })
  fireEvent.click(screen.getByText('提交上报'))
  expect(await screen.findByText('已上报至 共青团武汉市洪山区委，等待其处理。')).toBeTruthy()
  expect(mocked.reportTownshipFlag).toHaveBeenCalledWith('guanshan', { isTownship: false, case: 'wrongly-flagged', reason: '已撤街改制' })
  fireEvent.click(screen.getByText('查看我提交的请求'))
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.adminRequests, { box: 'sent' })
})

test('flag empty asks what the flag should be; the API\'s refusals show in the banner and the form keeps what was typed', async () => {
  mocked.reportTownshipFlag!.mockRejectedValueOnce(apiError(400, 'VALIDATION_FAILED', '提交的内容有误，请按提示修改', [{ field: 'reason', message: '请说明更正理由（至少 4 个字）' }]))
  mocked.reportTownshipFlag!.mockRejectedValueOnce(apiError(409, 'REQUEST_IN_PROGRESS', '已有同类申请正在处理，请等待上级组织处理后再提交'))
  await pickOrg('珞喻街道团工委')
  expect(screen.getByText('不是乡镇街道团委')).toBeTruthy()
  fireEvent.click(screen.getByText('未识别（标识为空）'))
  fireEvent.click(screen.getByText('提交上报'))
  expect(screen.getByText('请选择实际应为哪种')).toBeTruthy()
  expect(mocked.reportTownshipFlag).not.toHaveBeenCalled()
  fireEvent.click(within(screen.getByText('实际应为').parentElement as HTMLElement).getByText('是乡镇街道团委'))
  fireEvent.input(screen.getByLabelText('更正理由'), { target: { value: '街道' } })
  fireEvent.click(screen.getByText('提交上报'))
  expect(await screen.findByText('请说明更正理由（至少 4 个字）')).toBeTruthy()
  expect(screen.getByText('提交的内容有误，请按提示修改')).toBeTruthy()
  expect(mocked.reportTownshipFlag).toHaveBeenLastCalledWith('luoyu', { isTownship: true, case: 'flag-empty', reason: '街道' })
  fireEvent.input(screen.getByLabelText('更正理由'), { target: { value: '标识为空，应为街道团工委' } })
  fireEvent.click(screen.getByText('提交上报'))
  expect(await screen.findByText('已有同类申请正在处理，请等待上级组织处理后再提交')).toBeTruthy()
  expect((screen.getByLabelText('更正理由') as HTMLInputElement).value).toBe('标识为空，应为街道团工委')
  expect(screen.queryByText(/已上报至/)).toBeNull()
})

test('its own org can be reported too, but a root org has no superior to report to', async () => {
  render(<TownshipReportPage />)
  fireEvent.click(await screen.findByText('选本组织：共青团武汉市洪山区委'))
  expect(screen.getByText('共青团湖北省委 / 共青团武汉市委 / 共青团武汉市洪山区委')).toBeTruthy()
  fireEvent.click(screen.getByText('换一个组织'))
  await row('关山街道团工委')

  jest.clearAllMocks()
  const hubei = org({ id: 'hubei', name: '共青团湖北省委', kind: 'leading-organ', domain: 'government', hasChildren: true })
  mocked.me!.mockResolvedValue({ id: 'a-2', name: '高书记', roles: [{ role: 'org-admin', orgId: 'hubei' }], member: null })
  mocked.org!.mockResolvedValue(hubei)
  mocked.orgs!.mockResolvedValue([])
  const other = render(<TownshipReportPage />)
  await act(async () => {})
  await waitFor(() => expect(mocked.orgs).toHaveBeenCalledWith({ parentId: 'hubei' }))
  expect(within(other.container).queryByText(/选本组织/)).toBeNull()
})

test('someone who administers no org is told who may report', async () => {
  mocked.me!.mockResolvedValue({ id: 'a-3', name: '邓老师', roles: [{ role: 'provincial-reviewer', orgId: 'hubei' }], member: null })
  render(<TownshipReportPage />)
  expect(await screen.findByText('只有团组织管理员可以报告本组织及下级组织的标识。')).toBeTruthy()
  expect(mocked.org).not.toHaveBeenCalled()
  expect(screen.queryByText('选这个')).toBeNull()
})
