import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { EscalationView as Escalation } from '@xianjie/contract'
import { api } from '../../api'
import { useParams } from '../../nav'
import { transfer } from '../../../test/fixtures'
import DetailPage from './index'
import TransferPage from '../../pages/transfer/index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>
const tap = (text: string) => fireEvent.click(screen.getByText(text))

const escalation = (partial: Partial<Escalation> = {}): Escalation => ({
  level: 'township',
  next: 'county',
  levels: [
    { level: 'township', orgId: 'guanshan', orgName: '关山街道团工委', contacts: [{ name: '宋书记', phone: '13927000007' }], reachedAt: '2026-07-10T02:00:00Z' },
    { level: 'county', orgId: 'hongshan', orgName: '共青团武汉市洪山区委', contacts: [{ name: '韩书记', phone: '13927000008' }], reachedAt: null },
    { level: 'city', orgId: 'wuhan', orgName: '共青团武汉市委', contacts: [], reachedAt: null },
  ],
  current: { level: 'township', orgId: 'guanshan', orgName: '关山街道团工委', contacts: [{ name: '宋书记', phone: '13927000007' }] },
  floatingBranch: { id: 'hongshan-floating', name: '洪山区流动团员团支部' },
  retainedUntil: null,
  actions: ['escalate', 'retain-pending'],
  ...partial,
})
const refused = (e: Partial<Escalation> = {}) =>
  transfer({ status: 'rejected', target: 'township-org', targetOrgName: '学社衔接临时团支部', rejectionReason: '户籍不在本街道', allowedActions: [], escalation: escalation(e) })

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({ id: 't-1', box: 'outgoing' })
})

test('the school sees the chain level by level, whom to call, the fallback, and escalates to the county', async () => {
  mocked.transfer!.mockResolvedValue(refused())
  mocked.escalate!.mockResolvedValue(refused({ level: 'county', next: 'city' }))
  render(<DetailPage />)
  expect(await screen.findByText('乡镇（街道）不接收：逐级反映')).toBeTruthy()
  expect(document.querySelectorAll('.escalation .step').length).toBe(3)
  expect(document.querySelector('.escalation .step-current')?.textContent).toContain('关山街道团工委')
  expect(screen.getByText('请联系关山街道团工委')).toBeTruthy()
  expect(screen.getByText('宋书记 13927000007')).toBeTruthy()
  expect(screen.getByText(/兜底接收：洪山区流动团员团支部/)).toBeTruthy()
  fireEvent.input(screen.getByLabelText('反映情况（选填）'), { target: { value: '已电话沟通' } })
  tap('向共青团武汉市洪山区委反映')
  await waitFor(() => expect(mocked.escalate).toHaveBeenCalledWith('t-1', '已电话沟通'))
})

test('after escalating, the comment box is empty: what was said to the county is in the history, not resent to the city', async () => {
  mocked.transfer!.mockResolvedValue(refused())
  mocked.escalate!.mockResolvedValue(refused({ level: 'county', next: 'city' }))
  render(<DetailPage />)
  await screen.findByText('向共青团武汉市洪山区委反映')
  fireEvent.input(screen.getByLabelText('反映情况（选填）'), { target: { value: '已电话沟通' } })
  mocked.transfer!.mockResolvedValue(refused({ level: 'county', next: 'city' }))
  tap('向共青团武汉市洪山区委反映')
  await screen.findByText('向共青团武汉市委反映')
  expect((screen.getByLabelText('反映情况（选填）') as HTMLInputElement).value).toBe('')
  tap('向共青团武汉市委反映')
  await waitFor(() => expect(mocked.escalate).toHaveBeenLastCalledWith('t-1', undefined))
})

test('each level names its org on one line and when it was reached on its own line (a date never breaks mid-number)', async () => {
  mocked.transfer!.mockResolvedValue(refused())
  render(<DetailPage />)
  await screen.findByText('乡镇（街道）不接收：逐级反映')
  const labels = Array.from(document.querySelectorAll('.escalation .step-label')).map((e) => e.textContent)
  expect(labels).toEqual(['乡镇（街道）团组织：关山街道团工委', '区县团委：共青团武汉市洪山区委', '市级团委：共青团武汉市委'])
  const when = Array.from(document.querySelectorAll('.escalation .step-when')).map((e) => e.textContent)
  expect(when).toEqual(['2026-07-10 起', '尚未反映', '尚未反映'])
})

test('the school keeps the member meanwhile until a date it types', async () => {
  const kept = refused({ retainedUntil: '2026-12-31T16:00:00Z', actions: ['escalate'] })
  mocked.transfer!.mockResolvedValueOnce(refused()).mockResolvedValue(kept)
  mocked.retainPending!.mockResolvedValue(kept)
  render(<DetailPage />)
  await screen.findByText('学校暂时保留（最长6个月）')
  tap('学校暂时保留（最长6个月）')
  expect(screen.getByText(/^最晚可到 \d{4}-\d{2}-\d{2}$/)).toBeTruthy()
  fireEvent.input(screen.getByLabelText('保留到（日期，如 2027-01-01）'), { target: { value: '2027-02-30' } })
  tap('确定保留')
  expect(screen.getByText('请填写一个有效日期，例如 2027-01-01 或 2027年1月1日。')).toBeTruthy()
  expect(mocked.retainPending).not.toHaveBeenCalled()
  fireEvent.input(screen.getByLabelText('保留到（日期，如 2027-01-01）'), { target: { value: '2027年1月1日' } })
  tap('确定保留')
  await waitFor(() => expect(mocked.retainPending).toHaveBeenCalledWith('t-1', '2027-01-01'))
  expect(await screen.findByText('学校暂时保留至 2027-01-01')).toBeTruthy()
})

test('the graduate sees the same path but no step of the school; the history names the steps', async () => {
  const t = refused({ level: 'county', next: 'city', actions: [] })
  t.events = [
    { at: '2026-07-10T02:00:00Z', actorId: 'a-guanshan', actorName: '宋书记', action: 'reject', comment: '户籍不在本街道', fromStatus: 'pending-incoming', toStatus: 'rejected' },
    { at: '2026-07-12T02:00:00Z', actorId: 'a-chutian-cs', actorName: '王老师', action: 'escalate', comment: '已向共青团武汉市洪山区委（区县团委）反映', fromStatus: 'rejected', toStatus: 'rejected' },
  ]
  mocked.me!.mockResolvedValue({ id: 'm-1', name: '李明', roles: [], member: { id: 'm-1' } })
  mocked.memberTransfers!.mockResolvedValue([t])
  mocked.transfer!.mockResolvedValue(t)
  render(<TransferPage />)
  expect(await screen.findByText('乡镇（街道）不接收：逐级反映')).toBeTruthy()
  expect(screen.getByText('向上级团组织反映')).toBeTruthy()
  expect(screen.queryByText(/^向.*反映$/, { selector: 'button, .btn' })).toBeNull()
  expect(screen.queryByText('学校暂时保留（最长6个月）')).toBeNull()
})
