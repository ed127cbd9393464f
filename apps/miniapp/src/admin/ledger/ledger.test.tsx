import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { RetentionLedgerRow } from '@xianjie/contract'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { reminderBatch } from '../reminder-batch'
import { apiError, collegeAdmin, counsellor, createdReminder, grant, org } from '../../../test/fixtures'
import { expectPinned } from '../../../test/pinned'
import LedgerPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const row = (partial: Partial<RetentionLedgerRow> & Pick<RetentionLedgerRow, 'id' | 'memberId' | 'name'>): RetentionLedgerRow => ({
  idNumberMasked: '420111********1019', phone: '138****0001', phoneMasked: true, kind: 'floating', state: 'active',
  branchId: 'chutian-floating', branchName: '楚天大学流动团员团支部', graduatingOrgId: 'chutian-cs-2201',
  graduatingOrgName: '计算机2201班团支部', graduationYear: 2026, since: '2026-06-10T00:00:00Z',
  followUpAt: '2026-12-10T00:00:00Z', until: '2027-06-10T00:00:00Z', dueAt: '2026-12-10T00:00:00Z', transferId: partial.id, closedAt: null,
  ...partial,
})
const huang = row({ id: 'r-c', memberId: 'm-2', name: '黄丽', state: 'overdue', until: '2026-06-20T00:00:00Z', dueAt: '2026-06-20T00:00:00Z' })
const qian = row({ id: 'r-b', memberId: 'm-3', name: '钱多', kind: 'study-abroad', state: 'follow-up', branchName: '楚天大学出国(境)学习研究团员团支部', until: null, dueAt: '2026-07-01T00:00:00Z' })
const sun = row({ id: 'r-a', memberId: 'm-4', name: '孙悦' })

beforeEach(() => {
  jest.clearAllMocks()
  reminderBatch.clear()
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian-cs' })
  mocked.me!.mockResolvedValue(counsellor)
  mocked.retention!.mockResolvedValue({ items: [huang, qian, sun], total: 3 })
  mocked.abroadReportInterval!.mockResolvedValue({ orgId: 'chutian-cs', months: 6 })
})

test('shows who is kept, why, since, until and what is due, in the order the API gives (overdue first)', async () => {
  render(<LedgerPage />)
  expect(await screen.findByText('黄丽')).toBeTruthy()
  expect(mocked.retention).toHaveBeenCalledWith('chutian-cs', { state: undefined, limit: 50 })
  expect(screen.getAllByRole('checkbox').map((c) => c.getAttribute('aria-label'))).toEqual(['黄丽', '钱多', '孙悦'])
  expect(screen.getAllByText('已逾期').map((e) => e.className)).toEqual(['chip', 'taro-text tag'])
  expect(screen.getByText(/^已于 2026-06-2\d 到期$/)).toBeTruthy()
  expect(screen.getByText('出国(境)学习研究 · 楚天大学出国(境)学习研究团员团支部')).toBeTruthy()
  expect(screen.getByText(/无最长期限$/)).toBeTruthy()
  expect(screen.getAllByText(/^毕业于 计算机2201班团支部 · 138\*\*\*\*0001$/)).toHaveLength(3)
  expect(screen.getByText('楚天大学计算机学院团委 · 共 3 人')).toBeTruthy()
})

test('days are Beijing days, whatever the phone\'s time zone says (a member abroad, a test browser in UTC)', async () => {
  // Kept until 2027-03-02 as the school typed it: Beijing midnight, 16:00 UTC the day before.
  const kept = row({ id: 'r-d', memberId: 'm-5', name: '杨帆', since: '2026-12-01T16:30:00.000Z', until: '2027-03-01T16:00:00.000Z', followUpAt: '2027-03-01T16:00:00.000Z', dueAt: '2027-03-01T16:00:00.000Z' })
  mocked.retention!.mockResolvedValue({ items: [kept], total: 1 })
  render(<LedgerPage />)
  expect(await screen.findByText('保留自 2026-12-02 · 最长至 2027-03-02')).toBeTruthy()
  expect(screen.getByText('2027-03-02 需跟进')).toBeTruthy()
})

test('filters by state', async () => {
  render(<LedgerPage />)
  await screen.findByText('黄丽')
  // Five filters wrap like any chip list: squeezed into one .chips-row they run off a narrow phone.
  const filters = screen.getAllByText('已逾期')[0]!.parentElement!
  expect(filters.children).toHaveLength(5)
  expect(filters.classList.contains('chips')).toBe(true)
  expect(filters.classList.contains('chips-row')).toBe(false)
  mocked.retention!.mockResolvedValueOnce({ items: [huang], total: 1 })
  fireEvent.click(screen.getAllByText('已逾期')[0]!)
  await waitFor(() => expect(mocked.retention).toHaveBeenLastCalledWith('chutian-cs', { state: 'overdue', limit: 50 }))
  await waitFor(() => expect(screen.queryByText('孙悦')).toBeNull())
})

test('multi-select, then reminder links for them through the share screen', async () => {
  mocked.createReminders!.mockResolvedValue([createdReminder('m-2', 'a'.repeat(43)), createdReminder('m-3', 'b'.repeat(43))])
  render(<LedgerPage />)
  await screen.findByText('黄丽')
  fireEvent.click(screen.getByRole('checkbox', { name: '黄丽' }))
  fireEvent.click(screen.getByRole('checkbox', { name: '钱多' }))
  expectPinned(screen.getByText('生成提醒链接（2人）'))
  fireEvent.click(screen.getByText('生成提醒链接（2人）'))
  await waitFor(() => expect(nav.to).toHaveBeenCalledWith(ROUTES.adminShare, { orgId: 'chutian-cs' }))
  expect(mocked.createReminders).toHaveBeenCalledWith(['m-2', 'm-3'])
  expect(reminderBatch.get().map((r) => r.name)).toEqual(['黄丽', '钱多'])
})

test('nobody picked: says so; a refusal shows the API message', async () => {
  mocked.createReminders!.mockRejectedValue(apiError(404, 'MEMBER_NOT_FOUND', '有 1 名团员不存在或不在您的管理范围内，未发送任何提醒'))
  render(<LedgerPage />)
  await screen.findByText('黄丽')
  fireEvent.click(screen.getByText('生成提醒链接'))
  expect(screen.getByText('请先勾选要提醒的毕业生。')).toBeTruthy()
  fireEvent.click(screen.getByRole('checkbox', { name: '孙悦' }))
  fireEvent.click(screen.getByText('生成提醒链接（1人）'))
  expect(await screen.findByText('有 1 名团员不存在或不在您的管理范围内，未发送任何提醒')).toBeTruthy()
  expect(nav.to).not.toHaveBeenCalled()
})

test('an empty ledger and a failure both say so', async () => {
  mocked.retention!.mockResolvedValueOnce({ items: [], total: 0 })
  const { unmount } = render(<LedgerPage />)
  expect(await screen.findByText('台账里没有这类记录。')).toBeTruthy()
  unmount()
  mocked.retention!.mockRejectedValueOnce(apiError(404, 'NOT_FOUND', '该组织不存在或不在您的管理范围内'))
  render(<LedgerPage />)
  expect(await screen.findByText('该组织不存在或不在您的管理范围内')).toBeTruthy()
})

test('members abroad: their periodic reports — last one and what it said, next due, and overdue marked', async () => {
  const late = { ...qian, abroadReport: { intervalMonths: 6, lastReportAt: null, lastNote: null, dueAt: '2026-12-31T04:00:00Z', overdue: true } }
  const fine = row({ id: 'r-d', memberId: 'm-5', name: '周游', kind: 'study-abroad',
    abroadReport: { intervalMonths: 3, lastReportAt: '2026-08-01T04:00:00Z', lastNote: '在校学习', dueAt: '2026-11-01T04:00:00Z', overdue: false } })
  mocked.retention!.mockResolvedValue({ items: [late, fine], total: 2 })
  render(<LedgerPage />)
  await screen.findByText('周游')
  const lines = screen.getAllByTestId('abroad-report')
  expect(lines.map((l) => [l.textContent, l.className.includes('deadline-late')])).toEqual([
    ['尚未报告 · 定期报告已逾期（应于 2026-12-31 前）', true],
    ['最近报告 2026-08-01 · 下次报告 2026-11-01 前', false],
  ])
  // What the member wrote, for the school to read: only where there is a report.
  expect(screen.getByText('最近报告：“在校学习”')).toBeTruthy()
  expect(screen.getAllByText(/^最近报告：/)).toHaveLength(1)
})

test('opened from a college 转接进度 drilled down to, the ledger is that college\'s, not the watcher\'s own org', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian-cs-2201' })
  mocked.org!.mockResolvedValue(org({ id: 'chutian-cs-2201', name: '计算机2201班团支部', kind: 'branch', domain: 'school' }))
  render(<LedgerPage />)
  expect(await screen.findByText('黄丽')).toBeTruthy()
  expect(mocked.org).toHaveBeenCalledWith('chutian-cs-2201')
  expect(mocked.retention).toHaveBeenCalledWith('chutian-cs-2201', { state: undefined, limit: 50 })
  expect(screen.getByText('计算机2201班团支部 · 共 3 人')).toBeTruthy()
})

test('the report interval in force is shown; an admin changes it (1–12 whole months, checked on the phone first)', async () => {
  mocked.me!.mockResolvedValue(collegeAdmin)
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'c-cs' })
  mocked.abroadReportInterval!.mockResolvedValue({ orgId: 'c-cs', months: 6 })
  mocked.setAbroadReportInterval!.mockResolvedValue({ orgId: 'c-cs', months: 3 })
  render(<LedgerPage />)
  expect(await screen.findByText('保留在学校的出国(境)团员每 6 个月报告一次近况。')).toBeTruthy()
  expect(mocked.abroadReportInterval).toHaveBeenCalledWith('c-cs')
  fireEvent.click(screen.getByText('修改周期'))
  fireEvent.input(screen.getByLabelText('每几个月报告一次'), { target: { value: '13' } })
  fireEvent.click(screen.getByText('保存'))
  expect(screen.getByText('请填写 1 到 12 之间的整月数。')).toBeTruthy()
  expect(mocked.setAbroadReportInterval).not.toHaveBeenCalled()
  fireEvent.input(screen.getByLabelText('每几个月报告一次'), { target: { value: '3' } })
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('保留在学校的出国(境)团员每 3 个月报告一次近况。')).toBeTruthy()
  expect(mocked.setAbroadReportInterval).toHaveBeenCalledWith('c-cs', 3)
})

test('a counsellor reads the interval but cannot change it', async () => {
  render(<LedgerPage />)
  expect(await screen.findByText('保留在学校的出国(境)团员每 6 个月报告一次近况。')).toBeTruthy()
  expect(screen.queryByText('修改周期')).toBeNull()
})

test.each([
  ['their own employer’s org (the grant says it is not a school’s)', 'dongfeng', null],
  ['a township below their 团县委, drilled down to', 'guanshan', org({ id: 'guanshan', name: '关山街道团工委', kind: 'working-committee', domain: 'township', isTownship: true })],
])('a shared link to the ledger of %s shows a plain note, not an empty ledger', async (_what, orgId, below) => {
  ;(useParams as jest.Mock).mockReturnValue({ orgId })
  mocked.me!.mockResolvedValue({
    ...collegeAdmin,
    roles: below ? [grant('org-admin', 'hongshan', '共青团武汉市洪山区委', { orgKind: 'leading-organ', orgDomain: 'government' })] : [grant('org-admin', 'dongfeng', '东风智造集团有限公司团委', { orgDomain: 'enterprise' })],
  })
  if (below) mocked.org!.mockResolvedValue(below)
  render(<LedgerPage />)
  expect(await screen.findByText(/^(东风智造集团有限公司团委|关山街道团工委)不是学校团组织/)).toBeTruthy()
  expect(mocked.retention).not.toHaveBeenCalled()
  expect(mocked.abroadReportInterval).not.toHaveBeenCalled()
  expect(screen.queryByText(/共 \d+ 人/)).toBeNull()
})

test('a school’s own org reached by its grant opens the ledger without reading the org', async () => {
  render(<LedgerPage />)
  expect(await screen.findByText('黄丽')).toBeTruthy()
  expect(mocked.org).not.toHaveBeenCalled()
})
