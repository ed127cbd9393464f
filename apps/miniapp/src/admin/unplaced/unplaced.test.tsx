import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { NotStartedGraduate } from '@xianjie/contract'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import {
  apiError, collegeAdmin, counsellor, grant, notStartedGraduate, progressReport, unplacedMoveResult, unplacedMoveView,
} from '../../../test/fixtures'
import { expectPinned } from '../../../test/pinned'
import CampaignPage from '../campaign/index'
import UnplacedPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const tap = (text: string) => fireEvent.click(screen.getByText(text))
const checkbox = (name: string) => screen.getByRole('checkbox', { name })
const isChecked = (name: string) => checkbox(name).getAttribute('aria-checked') === 'true'
const tab = (name: RegExp) => fireEvent.click(screen.getByRole('tab', { name }))
const moveButton = () => screen.getByText(/^转入流动团员团支部/)
const disabled = (button: HTMLElement) => button.classList.contains('taro-btn-disabled')

const liu = notStartedGraduate({ id: 'm-cs2201-4', name: '刘洋', idNumberMasked: '420111********1042', destination: 'unplaced' })
const zhao = notStartedGraduate({ id: 'm-cs2202-1', name: '赵磊', orgName: '计算机2202班团支部', destination: 'unplaced' })
const zhang = notStartedGraduate({ id: 'm-cs2201-3', name: '张伟', idNumberMasked: '420111********103X' })
const page = (items: NotStartedGraduate[], total = items.length) => ({ items, total })
/** The not-started list by what was reported, as the API filters it. */
const lists = (unplaced: NotStartedGraduate[], unreported: NotStartedGraduate[]) =>
  mocked.notStarted!.mockImplementation(async (_org, q) => page(q?.destination === 'unplaced' ? unplaced : unreported))

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'c-cs' })
  mocked.me!.mockResolvedValue(collegeAdmin)
  mocked.unplacedMove!.mockResolvedValue(unplacedMoveView())
  lists([liu, zhao], [zhang])
})

test('those who reported 未落实 come ticked, those who reported nothing do not; the year\'s own branch is chosen; the choice holds across tabs', async () => {
  render(<UnplacedPage />)
  expect(await screen.findByText('刘洋')).toBeTruthy()
  expect(mocked.unplacedMove).toHaveBeenCalledWith('c-cs')
  expect(mocked.notStarted).toHaveBeenCalledWith('c-cs', { destination: 'unplaced', limit: 200, offset: undefined })
  expect(mocked.notStarted).toHaveBeenCalledWith('c-cs', { destination: 'unreported', limit: 200, offset: undefined })
  expect(screen.getByText('2026届毕业生 · 计算机学院团委')).toBeTruthy()
  expect(screen.getByText('已填报未落实 2 人 · 未填报去向 1 人')).toBeTruthy()
  expect(screen.getByText('420111********1042')).toBeTruthy()

  const year = screen.getByRole('radio', { name: '2026届毕业生流动团员团支部' })
  expect(year.getAttribute('aria-checked')).toBe('true')
  expect(within(year).getByText('本届专用')).toBeTruthy()
  expect(screen.getByRole('radio', { name: '楚天大学流动团员团支部' }).getAttribute('aria-checked')).toBe('false')

  expect(isChecked('刘洋')).toBe(true)
  expect(isChecked('赵磊')).toBe(true)
  expect(screen.getByText('转入流动团员团支部（2人）')).toBeTruthy()
  expect(disabled(moveButton())).toBe(false)
  expectPinned(moveButton())
  expect(screen.queryByText('未填报去向的毕业生可能已有着落，请核实后再勾选。')).toBeNull()

  tab(/^未填报去向/)
  expect(screen.getByText('未填报去向的毕业生可能已有着落，请核实后再勾选。')).toBeTruthy()
  expect(screen.queryByText('刘洋')).toBeNull()
  expect(isChecked('张伟')).toBe(false)
  fireEvent.click(checkbox('张伟'))
  expect(screen.getByText('转入流动团员团支部（3人）')).toBeTruthy()
  expect(screen.getByRole('tab', { name: '未填报去向，已选 1 人' })).toBeTruthy()
  // 全选 / 取消全选 act on the tab shown; the other tab's ticks stay.
  tap('取消全选')
  expect(isChecked('张伟')).toBe(false)
  expect(screen.getByText('转入流动团员团支部（2人）')).toBeTruthy()
  tab(/^已填报未落实/)
  expect(isChecked('刘洋')).toBe(true)
  tap('取消全选')
  expect(screen.getByText('转入流动团员团支部')).toBeTruthy()
  tap('全选')
  expect(isChecked('赵磊')).toBe(true)
})

test('confirmed: the chosen branch and the ticked graduates are sent, the result names whoever was not moved, and the lists reload', async () => {
  render(<UnplacedPage />)
  await screen.findByText('刘洋')
  fireEvent.click(screen.getByRole('radio', { name: '楚天大学流动团员团支部' }))
  tab(/^未填报去向/)
  fireEvent.click(checkbox('张伟'))
  tap('转入流动团员团支部（3人）')
  expect(screen.getByText('3 名毕业生将转入「楚天大学流动团员团支部」，每人生成一笔保留在校的接转，由你审批通过并登记台账；转入后不能撤销，毕业生落实去向后再从流动团员团支部转出。')).toBeTruthy()
  expect(mocked.moveUnplaced).not.toHaveBeenCalled()

  mocked.moveUnplaced!.mockResolvedValue(unplacedMoveResult([
    { memberId: liu.id, name: '刘洋', status: 'moved', transferId: 't-1', message: '已转入流动团员团支部：楚天大学流动团员团支部' },
    { memberId: zhao.id, name: '赵磊', status: 'in-progress', message: '这名团员已有业务正在办理' },
    { memberId: zhang.id, name: null, status: 'not-eligible', message: '不是本组织该届未发起接转、未落实或未填报去向的毕业生' },
  ]))
  mocked.unplacedMove!.mockResolvedValue(unplacedMoveView({ reportedUnplaced: 0, unreported: 1 }))
  lists([], [zhang])
  tap('确定转入')

  expect(await screen.findByText('1 人已转入「楚天大学流动团员团支部」，台账已登记。')).toBeTruthy()
  expect(mocked.moveUnplaced).toHaveBeenCalledTimes(1)
  expect(mocked.moveUnplaced).toHaveBeenCalledWith('c-cs', { year: 2026, branchId: 'chutian-floating', memberIds: ['m-cs2201-4', 'm-cs2202-1', 'm-cs2201-3'] })
  const result = document.querySelector('.move-result') as HTMLElement
  expect(within(result).getByText('另有 2 人没有转入：')).toBeTruthy()
  expect(within(result).getByText('赵磊')).toBeTruthy()
  expect(within(result).getByText('这名团员已有业务正在办理')).toBeTruthy()
  expect(within(result).getByText('—')).toBeTruthy()
  expect(within(result).getByText('不是本组织该届未发起接转、未落实或未填报去向的毕业生')).toBeTruthy()
  expect(within(result).queryByText('刘洋')).toBeNull()

  // Reloaded: the moved ones are gone, the counts follow, and nobody sent stays ticked.
  await waitFor(() => expect(screen.getByText('已填报未落实 0 人 · 未填报去向 1 人')).toBeTruthy())
  expect(mocked.unplacedMove).toHaveBeenCalledTimes(2)
  expect(screen.queryByRole('checkbox', { name: '刘洋' })).toBeNull()
  expect(isChecked('张伟')).toBe(false)
  expect(screen.getByText('转入流动团员团支部')).toBeTruthy()
  expect(screen.getByRole('radio', { name: '楚天大学流动团员团支部' }).getAttribute('aria-checked')).toBe('true')
  tap('查看保留台账')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminLedger, { orgId: 'c-cs' })
})

test('more than one request\'s worth: paged in with 加载更多, ticked, and sent 200 at a time as one result', async () => {
  const many = Array.from({ length: 230 }, (_, i) => notStartedGraduate({ id: `m-${i}`, name: `毕业生${i}`, destination: 'unplaced' }))
  mocked.unplacedMove!.mockResolvedValue(unplacedMoveView({ reportedUnplaced: 230, unreported: 0 }))
  mocked.notStarted!.mockImplementation(async (_org, q) => (q?.destination === 'unplaced'
    ? page(many.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 200)), 230)
    : page([])))
  render(<UnplacedPage />)
  await screen.findByText('毕业生0')
  expect(screen.getByText('转入流动团员团支部（200人）')).toBeTruthy()
  tap('加载更多（还有 30 条）')
  expect(await screen.findByText('毕业生229')).toBeTruthy()
  expect(mocked.notStarted).toHaveBeenLastCalledWith('c-cs', { destination: 'unplaced', limit: 200, offset: 200 })
  expect(isChecked('毕业生229')).toBe(true)

  mocked.moveUnplaced!.mockImplementation(async (_org, body) =>
    unplacedMoveResult(body.memberIds.map((id) => ({ memberId: id, name: id, status: 'moved' as const, transferId: `t-${id}`, message: '已转入' }))))
  tap('转入流动团员团支部（230人）')
  expect(screen.getByText(/^230 名毕业生将转入「2026届毕业生流动团员团支部」/)).toBeTruthy()
  tap('确定转入')
  expect(await screen.findByText('230 人已转入「2026届毕业生流动团员团支部」，台账已登记。')).toBeTruthy()
  const sent = mocked.moveUnplaced!.mock.calls.map(([, body]) => body.memberIds)
  expect(sent.map((ids) => ids.length)).toEqual([200, 30])
  expect(sent.flat()).toEqual(many.map((g) => g.id))
  expect(mocked.moveUnplaced!.mock.calls.every(([org, body]) => org === 'c-cs' && body.branchId === 'chutian-floating-2026' && body.year === 2026)).toBe(true)
  expect(screen.queryByText(/另有 \d+ 人没有转入/)).toBeNull()
})

test('before August 1 the list is there and the move is not', async () => {
  mocked.unplacedMove!.mockResolvedValue(unplacedMoveView({ open: false, opensOn: '2026-08-01' }))
  render(<UnplacedPage />)
  expect(await screen.findByText('2026-08-01 起可以操作：7月31日后仍未落实去向的毕业生，由学校统一转入流动团员团支部。在此之前请提醒他们自行办理。')).toBeTruthy()
  expect(screen.getByText('刘洋')).toBeTruthy()
  expect(disabled(moveButton())).toBe(true)
  fireEvent.click(moveButton())
  expect(screen.queryByText(/名毕业生将转入/)).toBeNull()
  expect(mocked.moveUnplaced).not.toHaveBeenCalled()
})

test('a branch secretary sees who is left, with nothing to tick and no move', async () => {
  mocked.unplacedMove!.mockResolvedValue(unplacedMoveView({ canMove: false }))
  render(<UnplacedPage />)
  expect(await screen.findByText('刘洋')).toBeTruthy()
  expect(screen.getByText(/^转入流动团员团支部由学院团委或学校团委统一办理/)).toBeTruthy()
  expect(screen.queryByRole('checkbox')).toBeNull()
  expect(screen.queryByRole('radio')).toBeNull()
  expect(screen.queryByText(/^转入流动团员团支部(（\d+人）)?$/)).toBeNull()
  expect(screen.queryByText('全选')).toBeNull()
  tab(/^未填报去向/)
  expect(screen.getByText('张伟')).toBeTruthy()
  expect(screen.queryByRole('checkbox')).toBeNull()
})

test('a school without a floating branch is told how to create one, and cannot move anyone yet', async () => {
  mocked.unplacedMove!.mockResolvedValue(unplacedMoveView({ branches: [], suggestedBranchId: null }))
  render(<UnplacedPage />)
  expect(await screen.findByText(/^学校还没有流动团员团支部。/)).toBeTruthy()
  expect(screen.getByText(/“用途”填“流动团员团支部”；建议每届一个，如“2026届毕业生流动团员团支部”/)).toBeTruthy()
  // The value the roster's 用途 column takes is the label; the code behind it is never shown.
  expect(document.body.textContent).not.toMatch(/floating/)
  expect(disabled(moveButton())).toBe(true)
  tap('去导入名单')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminImport)
})

test('several branches and none for the year: nothing is chosen until the college chooses', async () => {
  mocked.unplacedMove!.mockResolvedValue(unplacedMoveView({
    branches: [{ id: 'f-a', name: '楚天大学流动团员第一团支部', forYear: false }, { id: 'f-b', name: '楚天大学流动团员第二团支部', forYear: false }],
    suggestedBranchId: null,
  }))
  render(<UnplacedPage />)
  await screen.findByText('刘洋')
  expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-checked'))).toEqual(['false', 'false'])
  expect(screen.queryByText('本届专用')).toBeNull()
  tap('转入流动团员团支部（2人）')
  expect(screen.getByText('请先选择要转入的流动团员团支部。')).toBeTruthy()
  fireEvent.click(screen.getByRole('radio', { name: '楚天大学流动团员第二团支部' }))
  expect(screen.queryByText('请先选择要转入的流动团员团支部。')).toBeNull()
  tap('转入流动团员团支部（2人）')
  expect(screen.getByText(/^2 名毕业生将转入「楚天大学流动团员第二团支部」/)).toBeTruthy()
})

test('nobody ticked: says so without calling the API', async () => {
  lists([], [zhang])
  render(<UnplacedPage />)
  expect(await screen.findByText('没有已填报未落实、仍未发起接转的毕业生。')).toBeTruthy()
  tap('转入流动团员团支部')
  expect(screen.getByText('请先勾选要转入的毕业生。')).toBeTruthy()
  expect(mocked.moveUnplaced).not.toHaveBeenCalled()
})

test('the API\'s refusal is shown in its words and the ticks are kept', async () => {
  mocked.moveUnplaced!.mockRejectedValue(apiError(409, 'UNPLACED_MOVE_NOT_OPEN', '2026届毕业生 2026-08-01 起才能统一转入流动团员团支部'))
  render(<UnplacedPage />)
  await screen.findByText('刘洋')
  tap('转入流动团员团支部（2人）')
  tap('确定转入')
  expect(await screen.findByText('2026届毕业生 2026-08-01 起才能统一转入流动团员团支部')).toBeTruthy()
  expect(screen.queryByText(/人已转入/)).toBeNull()
  await waitFor(() => expect(isChecked('刘洋')).toBe(true))
  expect(isChecked('赵磊')).toBe(true)
})

test('an org outside the caller\'s admin scope: the API\'s message, no list', async () => {
  mocked.unplacedMove!.mockRejectedValue(apiError(404, 'NOT_FOUND', '组织不存在或不在您的管理范围内'))
  render(<UnplacedPage />)
  expect(await screen.findByText('组织不存在或不在您的管理范围内')).toBeTruthy()
  expect(screen.queryByText('刘洋')).toBeNull()
  expect(screen.queryByText(/^转入流动团员团支部（/)).toBeNull()
})

test('an unreported graduate can be called or opened before ticking, without ticking them', async () => {
  render(<UnplacedPage />)
  await screen.findByText('刘洋')
  expect(screen.queryByText('拨打')).toBeNull()
  tab(/^未填报去向/)
  fireEvent.click(within(screen.getByRole('group', { name: '张伟' })).getByText('详情'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminMember, { id: 'm-cs2201-3' })
  expect(isChecked('张伟')).toBe(false)
})

test('转接进度 offers the move to an admin of the org, not to a counsellor', async () => {
  mocked.progress!.mockResolvedValue(progressReport({ orgId: 'c-cs', orgName: '计算机学院团委' }))
  mocked.notStarted!.mockResolvedValue(page([]))
  const { unmount } = render(<CampaignPage />)
  fireEvent.click(await screen.findByText('未落实去向转入流动团员团支部'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminUnplaced, { orgId: 'c-cs' })
  unmount()

  mocked.me!.mockResolvedValue(counsellor)
  render(<CampaignPage />)
  expect(await screen.findByText('保留台账')).toBeTruthy()
  expect(screen.queryByText('未落实去向转入流动团员团支部')).toBeNull()
})

test('an employer’s admin with a shared link to the floating-branch move gets a plain note, and nothing is read or offered', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'dongfeng' })
  mocked.me!.mockResolvedValue({ ...collegeAdmin, roles: [grant('org-admin', 'dongfeng', '东风智造集团有限公司团委', { orgDomain: 'enterprise' })] })
  render(<UnplacedPage />)
  expect(await screen.findByText(/^东风智造集团有限公司团委不是学校团组织/)).toBeTruthy()
  expect(mocked.unplacedMove).not.toHaveBeenCalled()
  expect(mocked.notStarted).not.toHaveBeenCalled()
  expect(screen.queryByText(/^转入流动团员团支部/)).toBeNull()
})
