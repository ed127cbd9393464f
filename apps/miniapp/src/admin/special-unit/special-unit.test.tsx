import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { SpecialUnitQuery, SpecialUnitRow } from '@xianjie/contract'
import { currentCampaignYear } from '@xianjie/rules'
import { api } from '../../api'
import { formatTime } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { apiError, counsellor, provincialReviewer, specialUnitRow } from '../../../test/fixtures'
import SpecialUnitPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const year = currentCampaignYear(new Date())
const zhao = specialUnitRow({ memberId: 'm-7', name: '赵磊', idNumberMasked: '420111********1071', transferId: 't-7', state: 'pending',
  graduatingOrgId: 'chutian-cs-2202', graduatingOrgName: '计算机2202班团支部', since: '2026-06-20T02:30:00.000Z',
  graduatingOrgPath: [
    { id: 'hubei', name: '共青团湖北省委' }, { id: 'chutian', name: '楚天大学团委' },
    { id: 'chutian-cs', name: '楚天大学计算机学院团委' }, { id: 'chutian-cs-2202', name: '计算机2202班团支部' },
  ] })
const li = specialUnitRow({ memberId: 'm-1', name: '李明', transferId: 't-1', since: '2026-07-01T02:00:00.000Z' })
const wang = specialUnitRow({ memberId: 'm-2', name: '王芳', idNumberMasked: '420111********1021', transferId: 't-2', destination: 'classified' })

/** The API over `rows` (pending first, as it sorts them): filtered by state, paged by limit and offset. */
function serve(rows: SpecialUnitRow[]) {
  mocked.specialUnit!.mockImplementation(async (_org: string, q: SpecialUnitQuery = {}) => {
    const matching = rows.filter((r) => !q.state || r.state === q.state)
    const from = q.offset ?? 0
    return { items: matching.slice(from, from + (q.limit ?? 200)), total: matching.length }
  })
}
const titles = () => Array.from(document.querySelectorAll('.special-unit-row .list-item-title')).map((e) => e.firstChild?.textContent?.trim())
/** A row's line as read, whatever elements it is made of. */
const line = (row: HTMLElement, text: string) => Array.from(row.querySelectorAll('.list-item-sub')).some((e) => e.textContent === text)
const rowOf = (name: string) => screen.getByText(name).closest('.special-unit-row') as HTMLElement

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian-cs' })
  mocked.me!.mockResolvedValue(counsellor)
  serve([zhao, li, wang])
})

test('who went to a special unit, ID masked: the one waiting for the province first, tagged, then the library, with when', async () => {
  render(<SpecialUnitPage />)
  expect(await screen.findByText('赵磊')).toBeTruthy()
  expect(mocked.specialUnit).toHaveBeenCalledWith('chutian-cs', { year, state: undefined, limit: 200 })
  expect(screen.getByText(`${year}届毕业生 · 楚天大学计算机学院团委`)).toBeTruthy()
  expect(screen.getByText(/经省级团委审核后进入特殊单位专属库/)).toBeTruthy()
  expect(titles()).toEqual(['赵磊', '李明', '王芳'])

  const pending = within(rowOf('赵磊'))
  expect(pending.getByText('420111********1071')).toBeTruthy()
  expect(pending.getByText('待审核').className).toContain('tag-warn')
  expect(line(rowOf('赵磊'), '计算机2202班团支部 · 参军入伍')).toBe(true)
  expect(pending.getByText(`提交于 ${formatTime('2026-06-20T02:30:00.000Z')}`)).toBeTruthy()
  expect(formatTime('2026-06-20T02:30:00.000Z')).toBe('2026-06-20 10:30')

  expect(within(rowOf('李明')).getByText('已入库').className).toContain('tag-ok')
  expect(within(rowOf('李明')).getByText(`入库于 ${formatTime('2026-07-01T02:00:00.000Z')}`)).toBeTruthy()
  expect(line(rowOf('王芳'), '计算机2201班团支部 · 到涉密单位工作')).toBe(true)
  expect(screen.queryByText(/420111200/)).toBeNull()

  // Each chip says how many: 全部 is the two states together.
  expect(screen.getByText('全部 3')).toBeTruthy()
  expect(screen.getByText('待省级团委审核 1')).toBeTruthy()
  expect(screen.getByText('已入库 2')).toBeTruthy()
})

test('the chips ask the API for one state at a time', async () => {
  render(<SpecialUnitPage />)
  await screen.findByText('赵磊')
  fireEvent.click(screen.getByText('已入库 2'))
  await waitFor(() => expect(screen.queryByText('赵磊')).toBeNull())
  expect(mocked.specialUnit).toHaveBeenCalledWith('chutian-cs', { year, state: 'library', limit: 200 })
  expect(titles()).toEqual(['李明', '王芳'])
  expect(screen.getByText('已入库 2').className).toContain('chip-active')

  fireEvent.click(screen.getByText('待省级团委审核 1'))
  expect(await screen.findByText('赵磊')).toBeTruthy()
  expect(mocked.specialUnit).toHaveBeenCalledWith('chutian-cs', { year, state: 'pending', limit: 200 })
  expect(screen.queryByText('李明')).toBeNull()
  expect(titles()).toEqual(['赵磊'])

  fireEvent.click(screen.getByText('全部 3'))
  expect(await screen.findByText('王芳')).toBeTruthy()
  expect(mocked.specialUnit).toHaveBeenLastCalledWith('chutian-cs', { year, state: 'pending', limit: 1 })
  expect(titles()).toEqual(['赵磊', '李明', '王芳'])
})

test('two hundred at a time, the rest one tap away', async () => {
  const many = Array.from({ length: 230 }, (_, i) =>
    specialUnitRow({ memberId: `m-${i}`, name: `学生${String(i).padStart(3, '0')}`, transferId: `t-${i}` }))
  serve(many)
  render(<SpecialUnitPage />)
  expect(await screen.findByText('学生199')).toBeTruthy()
  expect(screen.queryByText('学生200')).toBeNull()
  fireEvent.click(screen.getByText('加载更多（还有 30 条）'))
  expect(await screen.findByText('学生229')).toBeTruthy()
  expect(mocked.specialUnit).toHaveBeenLastCalledWith('chutian-cs', { year, state: undefined, limit: 200, offset: 200 })
  expect(titles()).toHaveLength(230)
  expect(screen.queryByText(/加载更多/)).toBeNull()
})

test('a graduate in the list opens their transfer', async () => {
  render(<SpecialUnitPage />)
  fireEvent.click(await screen.findByText('赵磊'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminDetail, { id: 't-7' })
  fireEvent.click(screen.getByText('李明'))
  expect(nav.to).toHaveBeenLastCalledWith(ROUTES.adminDetail, { id: 't-1' })
})

test('a provincial reviewer, who watches no cohort, opens their province; one still waiting leads on through their 省级审核 box', async () => {
  ;(useParams as jest.Mock).mockReturnValue({})
  mocked.me!.mockResolvedValue(provincialReviewer)
  render(<SpecialUnitPage />)
  expect(await screen.findByText('赵磊')).toBeTruthy()
  expect(mocked.specialUnit).toHaveBeenCalledWith('hubei', { year, state: undefined, limit: 200 })
  expect(screen.getByText(`${year}届毕业生 · 共青团湖北省委`)).toBeTruthy()
  expect(mocked.org).not.toHaveBeenCalled()
  // The province's list names each branch with its school and college.
  expect(line(rowOf('赵磊'), '楚天大学团委 › 楚天大学计算机学院团委 › 计算机2202班团支部 · 参军入伍')).toBe(true)
  // Each name whole on its line.
  expect(Array.from(rowOf('赵磊').querySelectorAll('.org-seg')).map((e) => e.textContent)).toEqual(['楚天大学团委', '楚天大学计算机学院团委', '计算机2202班团支部'])
  fireEvent.click(screen.getByText('赵磊'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminDetail, { id: 't-7', box: 'provincial' })
  fireEvent.click(screen.getByText('李明'))
  expect(nav.to).toHaveBeenLastCalledWith(ROUTES.adminDetail, { id: 't-1' })
})

test('from 转接进度: its year, and an org below the counsellor’s own read by id', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian-cs-2202', year: '2025' })
  mocked.org!.mockResolvedValue({ id: 'chutian-cs-2202', name: '计算机2202班团支部' } as never)
  render(<SpecialUnitPage />)
  expect(await screen.findByText('2025届毕业生 · 计算机2202班团支部')).toBeTruthy()
  expect(mocked.specialUnit).toHaveBeenCalledWith('chutian-cs-2202', { year: 2025, state: undefined, limit: 200 })
})

test('nobody there: says so, for the filter chosen', async () => {
  serve([])
  render(<SpecialUnitPage />)
  expect(await screen.findByText('本届还没有转往特殊单位的毕业生。')).toBeTruthy()
  expect(screen.getByText('全部 0')).toBeTruthy()
  fireEvent.click(screen.getByText('待省级团委审核 0'))
  expect(await screen.findByText('没有待省级团委审核的毕业生。')).toBeTruthy()
})

test('a refusal shows the API’s message, not an empty list', async () => {
  mocked.specialUnit!.mockRejectedValue(apiError(404, 'NOT_FOUND', '组织不存在或无权查看'))
  render(<SpecialUnitPage />)
  expect(await screen.findByText('组织不存在或无权查看')).toBeTruthy()
  expect(screen.queryByText('本届还没有转往特殊单位的毕业生。')).toBeNull()
  expect(screen.getByText('全部')).toBeTruthy()
})
