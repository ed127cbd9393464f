import { fireEvent, render, screen } from '@testing-library/react'
import type { BranchMarkView } from '@xianjie/contract'
import { currentCampaignYear } from '@xianjie/rules'
import { api } from '../../api'
import { useParams } from '../../nav'
import { apiError, collegeAdmin, counsellor, grant } from '../../../test/fixtures'
import { expectPinned } from '../../../test/pinned'
import MarksPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const tap = (text: string) => fireEvent.click(screen.getByText(text))
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })
const branch = (id: string, name: string, mark: BranchMarkView['mark'] = null, members = 30, more: Partial<BranchMarkView> = {}): BranchMarkView => ({
  id, name, purpose: 'class', members, mark, graduationYear: mark?.graduationDate ? Number(mark.graduationDate.slice(0, 4)) : null, deletable: false, ...more,
})
const marked = (graduationDate: string | null, noGraduationReason: string | null = null) => ({ graduationDate, noGraduationReason, markedAt: '2026-04-01T02:00:00.000Z' })
const past = currentCampaignYear(new Date())
// Typed years relative to today: a mark takes last year to eight years on (libs/rules graduationMarkYears).
const THIS = new Date().getFullYear()
const NEXT = THIS + 1
const c2201 = branch('cs-2201', '计算机2201班团支部')
const c2202 = branch('cs-2202', '计算机2202班团支部')
const staff = branch('cs-staff', '计算机学院教工团支部', marked(null, '教工团支部'), 5)
const gone = branch('cs-1901', '计算机1901班团支部', marked(`${past}-06-30`), 0, { deletable: true })

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'c-cs' })
  mocked.me!.mockResolvedValue(collegeAdmin)
  mocked.graduationMarks!.mockResolvedValue([c2201, c2202, staff, gone])
})

test('unmarked branches first; a batch gets one date, checked on the phone, confirmed (no undo), then the list shows the marks', async () => {
  render(<MarksPage />)
  expect(await screen.findByText('计算机2201班团支部')).toBeTruthy()
  expect(mocked.graduationMarks).toHaveBeenCalledWith('c-cs')
  // 未标记 is the first view: the marked ones appear under 已标记.
  expect(screen.queryByText('计算机学院教工团支部')).toBeNull()
  expect(screen.getByText('未标记 2')).toBeTruthy()

  tap('标记所选团支部')
  expect(screen.getByText('请先勾选要标记的团支部。')).toBeTruthy()
  tap('全选未标记的')
  expectPinned(screen.getByText('标记 2 个团支部'))
  type('预计毕业时间', `${NEXT}-02-30`)
  tap('标记 2 个团支部')
  expect(screen.getByText('请填写一个有效日期，例如 2027-06-30。')).toBeTruthy()
  expect(mocked.markBranches).not.toHaveBeenCalled()

  type('预计毕业时间', `${NEXT}-06-30`)
  tap('标记 2 个团支部')
  expect(screen.getByText(`标记后不能撤销。确定为 2 个团支部标记“毕业时间 ${NEXT}-06-30”吗？`)).toBeTruthy()
  mocked.markBranches!.mockResolvedValue({ marked: 2, graduationDate: `${NEXT}-06-30`, noGraduationReason: null })
  mocked.graduationMarks!.mockResolvedValue([branch('cs-2201', c2201.name, marked(`${NEXT}-06-30`)), branch('cs-2202', c2202.name, marked(`${NEXT}-06-30`)), staff, gone])
  tap('确定标记')
  expect(await screen.findByText(`已为 2 个团支部标记“毕业时间 ${NEXT}-06-30”。`)).toBeTruthy()
  expect(mocked.markBranches).toHaveBeenCalledWith('c-cs', { branchIds: ['cs-2201', 'cs-2202'], graduationDate: `${NEXT}-06-30` })
  expect(screen.getByText('没有这类团支部。')).toBeTruthy()
  tap('已标记 4')
  expect(screen.getAllByText(new RegExp(`^毕业时间 ${NEXT}-06-30 · `))).toHaveLength(2)
  expect(screen.getByText(/^不毕业：教工团支部 · /)).toBeTruthy()
})

test('a reason instead of a date; the API\'s refusal is shown and the choice kept', async () => {
  render(<MarksPage />)
  fireEvent.click(await screen.findByRole('checkbox', { name: '计算机2202班团支部' }))
  tap('不毕业原因')
  type('不毕业的原因', '教')
  tap('标记 1 个团支部')
  expect(screen.getByText('请说明原因（至少 2 个字）。')).toBeTruthy()
  type('不毕业的原因', '教工团支部')
  tap('标记 1 个团支部')
  mocked.markBranches!.mockRejectedValue(apiError(409, 'ALREADY_MARKED', '计算机2202班团支部已标记，标记不能撤销'))
  tap('确定标记')
  expect(await screen.findByText('计算机2202班团支部已标记，标记不能撤销')).toBeTruthy()
  expect(mocked.markBranches).toHaveBeenCalledWith('c-cs', { branchIds: ['cs-2202'], noGraduationReason: '教工团支部' })
  expect(screen.getByRole('checkbox', { name: '计算机2202班团支部' }).getAttribute('aria-checked')).toBe('true')
})

test('a graduated branch whose members have all left can be deleted, after a confirmation; one with members cannot', async () => {
  render(<MarksPage />)
  await screen.findByText('计算机2201班团支部')
  tap('已标记 2')
  expect(screen.getAllByText('删除团支部')).toHaveLength(1)
  tap('删除团支部')
  expect(screen.getByText(/计算机1901班团支部已毕业，团员已全部转出/)).toBeTruthy()
  mocked.deleteBranch!.mockResolvedValue(undefined)
  tap('确定删除')
  expect(await screen.findByText('已删除 计算机1901班团支部。')).toBeTruthy()
  expect(mocked.deleteBranch).toHaveBeenCalledWith('cs-1901')
  expect(screen.queryByText('计算机1901班团支部')).toBeNull()
})

test('an unmarked branch whose year came from the import is deleted the same way, and the tap never ticks it', async () => {
  const imported = branch('cs-1902', '计算机1902班团支部', null, 0, { graduationYear: past, deletable: true })
  mocked.graduationMarks!.mockResolvedValue([c2201, imported])
  render(<MarksPage />)
  expect(await screen.findByText(`导入数据为 ${past} 届毕业`)).toBeTruthy()
  tap('删除团支部')
  expect(screen.getByRole('checkbox', { name: '计算机1902班团支部' }).getAttribute('aria-checked')).toBe('false')
  mocked.deleteBranch!.mockResolvedValue(undefined)
  tap('确定删除')
  expect(await screen.findByText('已删除 计算机1902班团支部。')).toBeTruthy()
  expect(mocked.deleteBranch).toHaveBeenCalledWith('cs-1902')
})

test('no delete button where the API says the branch cannot go yet, even if it looks empty', async () => {
  mocked.graduationMarks!.mockResolvedValue([branch('cs-1903', '计算机1903班团支部', marked(`${past}-06-30`), 0, { deletable: false })])
  render(<MarksPage />)
  await screen.findByText('已标记 1')
  tap('已标记 1')
  expect(await screen.findByText('计算机1903班团支部')).toBeTruthy()
  expect(screen.queryByText('删除团支部')).toBeNull()
})

test('a counsellor sees the marks but has nothing to tick', async () => {
  mocked.me!.mockResolvedValue(counsellor)
  ;(useParams as jest.Mock).mockReturnValue({})
  render(<MarksPage />)
  expect(await screen.findByText('计算机2201班团支部')).toBeTruthy()
  expect(mocked.graduationMarks).toHaveBeenCalledWith('chutian-cs')
  expect(screen.queryByRole('checkbox')).toBeNull()
  expect(screen.queryByText(/^标记 \d+ 个团支部$/)).toBeNull()
  tap('已标记 2')
  expect(screen.queryByText('删除团支部')).toBeNull()
})

test('a date as people type it (年月日, slashes) is sent as YYYY-MM-DD; a mistyped year is stopped', async () => {
  render(<MarksPage />)
  await screen.findByText('计算机2201班团支部')
  tap('计算机2201班团支部')
  type('预计毕业时间', '2207年6月30日')
  tap('标记 1 个团支部')
  expect(screen.getByText(/^毕业时间应在 \d{4} 年至 \d{4} 年之间，请核对年份。$/)).toBeTruthy()
  type('预计毕业时间', `${NEXT}年6月30日`)
  tap('标记 1 个团支部')
  expect(screen.getByText(`标记后不能撤销。确定为 1 个团支部标记“毕业时间 ${NEXT}-06-30”吗？`)).toBeTruthy()
  mocked.markBranches!.mockResolvedValue({ marked: 1, graduationDate: `${NEXT}-06-30`, noGraduationReason: null })
  tap('确定标记')
  expect(await screen.findByText(`已为 1 个团支部标记“毕业时间 ${NEXT}-06-30”。`)).toBeTruthy()
  expect(mocked.markBranches).toHaveBeenCalledWith('c-cs', { branchIds: ['cs-2201'], graduationDate: `${NEXT}-06-30` })
})

test('marking a year other than the one a branch was imported with warns before the mark, which cannot be undone', async () => {
  const imported = branch('cs-2301', '计算机2301班团支部', null, 30, { graduationYear: NEXT })
  mocked.graduationMarks!.mockResolvedValue([imported, c2201])
  render(<MarksPage />)
  await screen.findByText('计算机2301班团支部')
  tap('全选未标记的')
  type('预计毕业时间', `${THIS}/6/30`)
  tap('标记 2 个团支部')
  const warning = screen.getByRole('alert')
  expect(warning.textContent).toContain(`计算机2301班团支部（${NEXT}届）`)
  expect(warning.textContent).toContain(`与 ${THIS} 年不同`)
  expect(warning.textContent).not.toContain('计算机2201班团支部')

  type('预计毕业时间', `${NEXT}-06-30`)
  tap('标记 2 个团支部')
  expect(screen.queryByRole('alert')).toBeNull()
})

test('with a date, 全选 leaves out the branches that keep members at school; ticked by hand, they are told to take a reason', async () => {
  const floating = branch('floating', '楚天大学流动团员团支部', null, 12, { purpose: 'floating' })
  mocked.graduationMarks!.mockResolvedValue([c2201, floating, staff, gone])
  render(<MarksPage />)
  expect(await screen.findByText('楚天大学流动团员团支部')).toBeTruthy()
  tap('全选未标记的')
  expect(screen.getByText('标记 1 个团支部')).toBeTruthy()
  fireEvent.click(screen.getByRole('checkbox', { name: '楚天大学流动团员团支部' }))
  type('预计毕业时间', `${NEXT}-06-30`)
  tap('标记 2 个团支部')
  expect(screen.getByText('“楚天大学流动团员团支部”的团员按各自的毕业时间计算，不能标记毕业时间，请取消勾选，或改用“不毕业原因”。')).toBeTruthy()
  expect(mocked.markBranches).not.toHaveBeenCalled()
  // With a reason, it may be marked.
  tap('不毕业原因')
  type('不毕业的原因', '流动团员团支部，按团员各自毕业时间')
  tap('标记 2 个团支部')
  expect(screen.getByText(/^标记后不能撤销。确定为 2 个团支部标记/)).toBeTruthy()
})

test('a shared link to the marks of a township’s org shows a plain note and reads nothing', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'guanshan' })
  mocked.me!.mockResolvedValue({ ...collegeAdmin, roles: [grant('org-admin', 'guanshan', '关山街道团工委', { orgKind: 'working-committee', orgDomain: 'township' })] })
  render(<MarksPage />)
  expect(await screen.findByText(/^关山街道团工委不是学校团组织/)).toBeTruthy()
  expect(mocked.graduationMarks).not.toHaveBeenCalled()
})
