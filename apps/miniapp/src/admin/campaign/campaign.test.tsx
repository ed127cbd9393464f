import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { NotStartedGraduate } from '@xianjie/contract'
import { api } from '../../api'
import { nav, ROUTES } from '../../nav'
import { reminderBatch } from '../reminder-batch'
import {
  apiError, counsellor, createdReminder, grant, memberCard, notStartedGraduate, orgProgress, progressReport,
} from '../../../test/fixtures'
import { expectPinned } from '../../../test/pinned'
import CampaignPage from './index'

/** An org-admin of one org (a college, an employer). */
const collegeAdminOf = (orgId: string, orgName: string) => ({ ...counsellor, id: `a-${orgId}`, roles: [grant('org-admin', orgId, orgName)] })

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const phoneCall = jest.spyOn(Taro, 'makePhoneCall')
const clipboard = jest.spyOn(Taro, 'setClipboardData')
const zhang = notStartedGraduate({ id: 'm-3', name: '张伟', idNumberMasked: '420111********103X' })
const liu = notStartedGraduate({
  id: 'm-4', name: '刘洋', lastReminder: { createdAt: '2026-11-20T02:00:00Z', openedAt: null, expiresAt: '2026-12-04T02:00:00Z', openCount: 0 },
})
const zhao = notStartedGraduate({ id: 'm-7', name: '赵磊', orgId: 'chutian-cs-2202', orgName: '计算机2202班团支部', phone: '138****0007', phoneMasked: true })

beforeEach(() => {
  jest.clearAllMocks()
  reminderBatch.clear()
  mocked.me!.mockResolvedValue(counsellor)
  mocked.progress!.mockResolvedValue(progressReport())
  mocked.notStarted!.mockResolvedValue({ items: [zhang, liu, zhao], total: 3 })
  phoneCall.mockReset().mockResolvedValue({ errMsg: 'makePhoneCall:ok' } as never)
  clipboard.mockReset().mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
})

const checkbox = (name: string) => screen.getByRole('checkbox', { name })
const row = (name: string) => screen.getByRole('group', { name })
const tapIn = (name: string, text: string) => fireEvent.click(within(row(name)).getByText(text))
const NOT_VISIBLE = '该团员的完整手机号仅其当前所在团支部的管理员和辅导员可见，请联系其团支部。'

test('shows the started target against the deadline, the counts and each branch', async () => {
  render(<CampaignPage />)
  expect(await screen.findByText('37.5%')).toBeTruthy()
  expect(mocked.progress).toHaveBeenCalledWith('chutian-cs')
  expect(mocked.notStarted).toHaveBeenCalledWith('chutian-cs', { branchId: undefined, limit: 50 })
  expect(screen.getByText('已发起 3 / 8 人')).toBeTruthy()
  expect(screen.getByText('提交申请截止 2026-08-31')).toBeTruthy()
  expect(screen.getByText('还剩 12 天')).toBeTruthy()
  expect(screen.getByText('流动 1 · 出国(境) 0 · 延迟毕业 0')).toBeTruthy()
  expect(screen.getByText('计算机2201班团支部 ›')).toBeTruthy()
  expect(screen.getByText('计算机2202班团支部 ›')).toBeTruthy()
  expect(screen.getByText('未发起的毕业生（3人）')).toBeTruthy()
  expect(screen.getByText(/^上次提醒 2026-11-20 \d\d:00 · 未打开$/)).toBeTruthy()
  // One "已发起" bar for the org (the target's), not two; the branches keep theirs.
  const summaryBars = document.querySelector('.summary')!.querySelectorAll('[role="progressbar"]')
  expect(summaryBars).toHaveLength(1)
  expect(document.querySelector('.details')!.textContent).not.toContain('已发起 3 / 8')
})

test('the summary jumps to the not-started list, which comes before the drill-down', async () => {
  const scroll = jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'pageScrollTo:ok' } as never)
  render(<CampaignPage />)
  fireEvent.click(await screen.findByText('未发起 6 人：查看并提醒 ↓'))
  expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '#not-started' }))
  const list = screen.getByText('未发起的毕业生（3人）')
  const children = screen.getByText('下级组织')
  expect(list.compareDocumentPosition(children) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
})

test('a passed deadline is shown as passed', async () => {
  mocked.progress!.mockResolvedValue(progressReport({ daysLeft: { startedBy: -83, receivedBy: -53, furtherStudyBy: -22 } }))
  render(<CampaignPage />)
  expect(await screen.findByText('已截止 83 天')).toBeTruthy()
})

test('drills down to a branch and back up', async () => {
  render(<CampaignPage />)
  await screen.findByText('37.5%')
  const branch = orgProgress({ orgId: 'chutian-cs-2201', orgName: '计算机2201班团支部', kind: 'branch' })
  mocked.progress!.mockResolvedValueOnce({ ...branch, children: [] })
  mocked.notStarted!.mockResolvedValueOnce({ items: [zhang], total: 1 })
  fireEvent.click(await screen.findByText('计算机2201班团支部 ›'))
  await waitFor(() => expect(mocked.progress).toHaveBeenLastCalledWith('chutian-cs-2201'))
  expect(mocked.notStarted).toHaveBeenLastCalledWith('chutian-cs-2201', { branchId: undefined, limit: 50 })
  expect(await screen.findByText('未发起的毕业生（1人）')).toBeTruthy()
  expect(screen.getByText('楚天大学计算机学院团委 / 计算机2201班团支部')).toBeTruthy()
  fireEvent.click(screen.getByText('‹ 返回上一级'))
  await waitFor(() => expect(mocked.progress).toHaveBeenLastCalledWith('chutian-cs'))
})

test('filters the not-started list by branch', async () => {
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（3人）')
  mocked.notStarted!.mockResolvedValueOnce({ items: [zhao], total: 1 })
  const chips = screen.getByText('全部').parentElement as HTMLElement
  fireEvent.click(within(chips).getByText('计算机2202班团支部'))
  await waitFor(() => expect(mocked.notStarted).toHaveBeenLastCalledWith('chutian-cs', { branchId: 'chutian-cs-2202', limit: 50 }))
  expect(await screen.findByText('未发起的毕业生（1人）')).toBeTruthy()
  expect(screen.queryByText('张伟')).toBeNull()
})

test('select graduates, create their links, and go share them', async () => {
  mocked.createReminders!.mockResolvedValue([createdReminder('m-3', 'a'.repeat(43)), createdReminder('m-7', 'b'.repeat(43))])
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（3人）')
  fireEvent.click(checkbox('张伟'))
  fireEvent.click(checkbox('赵磊'))
  expect(checkbox('张伟').getAttribute('aria-checked')).toBe('true')
  expect(screen.getByText('已选 2 人')).toBeTruthy()
  expectPinned(screen.getByText('生成提醒链接（2人）'))
  fireEvent.click(screen.getByText('生成提醒链接（2人）'))
  await waitFor(() => expect(nav.to).toHaveBeenCalledWith(ROUTES.adminShare, { orgId: 'chutian-cs' }))
  expect(mocked.createReminders).toHaveBeenCalledWith(['m-3', 'm-7'])
  expect(reminderBatch.get().map((r) => [r.name, r.orgName, r.token[0]])).toEqual([
    ['张伟', '计算机2201班团支部', 'a'],
    ['赵磊', '计算机2202班团支部', 'b'],
  ])
})

test('select all, then none', async () => {
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（3人）')
  fireEvent.click(screen.getByText('全选本页'))
  expect(screen.getByText('生成提醒链接（3人）')).toBeTruthy()
  fireEvent.click(screen.getByText('取消全选'))
  expect(screen.getByText('生成提醒链接')).toBeTruthy()
})

test('nobody selected: says so without calling the API', async () => {
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（3人）')
  fireEvent.click(screen.getByText('生成提醒链接'))
  expect(screen.getByText('请先勾选要提醒的毕业生。')).toBeTruthy()
  expect(mocked.createReminders).not.toHaveBeenCalled()
})

test('a refused creation shows the API message and keeps the selection', async () => {
  mocked.createReminders!.mockRejectedValue(apiError(404, 'MEMBER_NOT_FOUND', '有 1 名团员不存在或不在您的管理范围内，未发送任何提醒'))
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（3人）')
  fireEvent.click(checkbox('刘洋'))
  fireEvent.click(screen.getByText('生成提醒链接（1人）'))
  expect(await screen.findByText('有 1 名团员不存在或不在您的管理范围内，未发送任何提醒')).toBeTruthy()
  expect(checkbox('刘洋').getAttribute('aria-checked')).toBe('true')
  expect(nav.to).not.toHaveBeenCalled()
})

test('loads more of a long list', async () => {
  mocked.notStarted!.mockResolvedValueOnce({ items: [zhang], total: 2 })
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（2人）')
  mocked.notStarted!.mockResolvedValueOnce({ items: [liu], total: 2 })
  fireEvent.click(screen.getByText('加载更多（还有 1 条）'))
  expect(await screen.findByText('刘洋')).toBeTruthy()
  expect(mocked.notStarted).toHaveBeenLastCalledWith('chutian-cs', { branchId: undefined, limit: 50, offset: 1 })
  expect(screen.queryByText(/加载更多/)).toBeNull()
})

test('everyone started: says so', async () => {
  mocked.notStarted!.mockResolvedValue({ items: [], total: 0 })
  render(<CampaignPage />)
  expect(await screen.findByText('这里的毕业生都已发起转接。')).toBeTruthy()
})

test('a failure shows its message', async () => {
  mocked.progress!.mockRejectedValue(apiError(403, 'FORBIDDEN', '无权查看该组织'))
  render(<CampaignPage />)
  expect(await screen.findByText('无权查看该组织')).toBeTruthy()
})

test('someone watching two orgs can switch between them', async () => {
  mocked.me!.mockResolvedValue({
    ...counsellor,
    roles: [...counsellor.roles, grant('org-admin', 'chutian-ee', '楚天大学电子信息学院团总支')],
  })
  render(<CampaignPage />)
  await screen.findByText('37.5%')
  fireEvent.click(screen.getByText('楚天大学电子信息学院团总支'))
  await waitFor(() => expect(mocked.progress).toHaveBeenLastCalledWith('chutian-ee'))
})

test('the tracking list is one tap away', async () => {
  render(<CampaignPage />)
  fireEvent.click(await screen.findByText('提醒记录'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminReminders, { orgId: 'chutian-cs' })
})

test('the list shows each phone masked, even one a list wrongly sent in full', async () => {
  // Breaks the contract on purpose (a list never carries a full phone): the page masks it anyway.
  const unmasked = { ...liu, phone: '13827000004', phoneMasked: false } as unknown as NotStartedGraduate
  mocked.notStarted!.mockResolvedValue({ items: [zhang, unmasked], total: 2 })
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（2人）')
  expect(within(row('张伟')).getByText(/· 138\*\*\*\*0001$/)).toBeTruthy()
  expect(within(row('刘洋')).getByText(/· 138\*\*\*\*0004$/)).toBeTruthy()
  expect(screen.queryByText(/13827000004/)).toBeNull()
  expect(mocked.member).not.toHaveBeenCalled()
})

test('拨打 fetches the member card once, then calls the full number; 复制 copies it without asking again', async () => {
  mocked.member!.mockResolvedValue(memberCard({ id: 'm-3', name: '张伟', phone: '13827000003' }))
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（3人）')
  tapIn('张伟', '拨打')
  await waitFor(() => expect(phoneCall).toHaveBeenCalledWith({ phoneNumber: '13827000003' }))
  expect(mocked.member).toHaveBeenCalledWith('m-3')
  tapIn('张伟', '复制')
  await waitFor(() => expect(clipboard).toHaveBeenCalledWith({ data: '13827000003' }))
  expect(await within(row('张伟')).findByText('已复制')).toBeTruthy()
  tapIn('张伟', '拨打')
  await waitFor(() => expect(phoneCall).toHaveBeenCalledTimes(2))
  expect(mocked.member).toHaveBeenCalledTimes(1)
  // The actions do not pick the row, and the full number is never put on the screen.
  expect(checkbox('张伟').getAttribute('aria-checked')).toBe('false')
  expect(screen.queryByText(/13827000003/)).toBeNull()
})

test('two quick taps share one request; each member has their own card', async () => {
  let answer: (card: ReturnType<typeof memberCard>) => void = () => undefined
  mocked.member!.mockImplementation((id: string) => (id === 'm-3'
    ? new Promise((resolve) => { answer = resolve })
    : Promise.resolve(memberCard({ id, name: '刘洋', phone: '13827000004' }))))
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（3人）')
  tapIn('张伟', '拨打')
  tapIn('张伟', '复制')
  expect(mocked.member).toHaveBeenCalledTimes(1)
  answer(memberCard({ id: 'm-3', name: '张伟', phone: '13827000003' }))
  await waitFor(() => expect(clipboard).toHaveBeenCalledWith({ data: '13827000003' }))
  expect(phoneCall).toHaveBeenCalledWith({ phoneNumber: '13827000003' })
  tapIn('刘洋', '拨打')
  await waitFor(() => expect(phoneCall).toHaveBeenLastCalledWith({ phoneNumber: '13827000004' }))
  expect(mocked.member!.mock.calls).toEqual([['m-3'], ['m-4']])
})

test('a number only the current branch may see: says so, and neither calls nor copies', async () => {
  mocked.member!.mockResolvedValue(memberCard({ id: 'm-7', name: '赵磊', phone: '138****0007', phoneMasked: true, orgId: 'elsewhere' }))
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（3人）')
  tapIn('赵磊', '拨打')
  expect(await within(row('赵磊')).findByText(NOT_VISIBLE)).toBeTruthy()
  tapIn('赵磊', '复制')
  await waitFor(() => expect(mocked.member).toHaveBeenCalledTimes(1))
  expect(within(row('赵磊')).getByText(NOT_VISIBLE)).toBeTruthy()
  expect(phoneCall).not.toHaveBeenCalled()
  expect(clipboard).not.toHaveBeenCalled()
  expect(within(row('张伟')).queryByText(NOT_VISIBLE)).toBeNull()
})

test('a failed look-up shows the API message and the next tap asks again', async () => {
  mocked.member!
    .mockRejectedValueOnce(apiError(404, 'NOT_FOUND', '该团员不存在或不在您的管理范围内'))
    .mockResolvedValueOnce(memberCard({ id: 'm-3', name: '张伟', phone: '13827000003' }))
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（3人）')
  tapIn('张伟', '拨打')
  expect(await within(row('张伟')).findByText('该团员不存在或不在您的管理范围内')).toBeTruthy()
  expect(phoneCall).not.toHaveBeenCalled()
  tapIn('张伟', '拨打')
  await waitFor(() => expect(phoneCall).toHaveBeenCalledWith({ phoneNumber: '13827000003' }))
  expect(mocked.member).toHaveBeenCalledTimes(2)
  expect(within(row('张伟')).queryByText('该团员不存在或不在您的管理范围内')).toBeNull()
})

test('a call the counsellor cancels says nothing; a copy that fails says so', async () => {
  mocked.member!.mockResolvedValue(memberCard({ id: 'm-3', name: '张伟', phone: '13827000003' }))
  phoneCall.mockRejectedValue({ errMsg: 'makePhoneCall:fail cancel' })
  clipboard.mockRejectedValue({ errMsg: 'setClipboardData:fail' })
  render(<CampaignPage />)
  await screen.findByText('未发起的毕业生（3人）')
  tapIn('张伟', '拨打')
  await waitFor(() => expect(phoneCall).toHaveBeenCalled())
  await act(async () => { await Promise.resolve() })
  expect(within(row('张伟')).queryByText('出了点问题，请稍后重试。')).toBeNull()
  tapIn('张伟', '复制')
  expect(await within(row('张伟')).findByText('出了点问题，请稍后重试。')).toBeTruthy()
  expect(within(row('张伟')).queryByText('已复制')).toBeNull()
})

test('the ledger is one tap away; the school also gets its dates and statistics', async () => {
  const { unmount } = render(<CampaignPage />)
  fireEvent.click(await screen.findByText('保留台账'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminLedger, { orgId: 'chutian-cs' })
  unmount()
  mocked.progress!.mockResolvedValue(progressReport({
    preparation: { dueBy: '2026-05-15', daysLeft: -47, dataEntered: true, unmarkedBranches: 0, unmarkedBranchList: [], statisticsFiled: true, statisticsFiledAt: '2026-05-10T02:00:00Z', ready: true },
  }))
  render(<CampaignPage />)
  fireEvent.click(await screen.findByText('工作时限设置'))
  expect(nav.to).toHaveBeenLastCalledWith(ROUTES.adminDeadlines, { orgId: 'chutian-cs' })
  fireEvent.click(screen.getByText('年度统计表'))
  expect(nav.to).toHaveBeenLastCalledWith(ROUTES.adminStatistics, { orgId: 'chutian-cs' })
})

test('a graduate’s due date follows their group', async () => {
  mocked.notStarted!.mockResolvedValue({ items: [{ ...zhang, deadlineGroup: 'postgraduate-civil-servant', dueBy: '2026-10-01' }], total: 1 })
  render(<CampaignPage />)
  expect(await screen.findByText('应于 2026-10-01 前完成')).toBeTruthy()
})

test('详情 on a not-started graduate opens their card and transfer history, without ticking them', async () => {
  render(<CampaignPage />)
  await screen.findByText('张伟')
  tapIn('张伟', '详情')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminMember, { id: 'm-3' })
  expect(checkbox('张伟').getAttribute('aria-checked')).toBe('false')
})

test('the 特殊单位 count opens who they are, for the org on screen and the year it counted', async () => {
  mocked.progress!.mockResolvedValue(progressReport({ specialUnit: 2, year: 2025 }))
  render(<CampaignPage />)
  const stat = () => within((screen.getByText('特殊单位').closest('.stat') as HTMLElement))
  await screen.findByText('37.5%')
  expect(stat().getByText('2')).toBeTruthy()
  fireEvent.click(stat().getByText('查看名单 ›'))
  expect(nav.to).toHaveBeenLastCalledWith(ROUTES.adminSpecialUnit, { orgId: 'chutian-cs', year: '2025' })

  // Drilled down to a branch: that branch's list.
  mocked.progress!.mockResolvedValue({ ...orgProgress({ orgId: 'chutian-cs-2202', orgName: '计算机2202班团支部', kind: 'branch', year: 2025 }), children: [] })
  fireEvent.click(screen.getByText('计算机2202班团支部 ›'))
  await waitFor(() => expect(mocked.progress).toHaveBeenLastCalledWith('chutian-cs-2202'))
  await screen.findByText('楚天大学计算机学院团委 / 计算机2202班团支部')
  fireEvent.click(stat().getByText('0'))
  expect(nav.to).toHaveBeenLastCalledWith(ROUTES.adminSpecialUnit, { orgId: 'chutian-cs-2202', year: '2025' })
})

test('a college admin finds 标记毕业团支部, 工作时限 and 年度统计表 on their own progress, for their college', async () => {
  mocked.me!.mockResolvedValue(collegeAdminOf('chutian-cs', '楚天大学计算机学院团委'))
  render(<CampaignPage />)
  // The college's own progress: no preparation check (that is the school's), still the college's tools.
  fireEvent.click(await screen.findByText('标记毕业团支部'))
  expect(nav.to).toHaveBeenLastCalledWith(ROUTES.adminMarks, { orgId: 'chutian-cs' })
  fireEvent.click(screen.getByText('工作时限设置'))
  expect(nav.to).toHaveBeenLastCalledWith(ROUTES.adminDeadlines, { orgId: 'chutian-cs' })
  fireEvent.click(screen.getByText('年度统计表'))
  expect(nav.to).toHaveBeenLastCalledWith(ROUTES.adminStatistics, { orgId: 'chutian-cs' })

  // A branch has none of them (a branch is marked, it does not mark).
  mocked.progress!.mockResolvedValue({ ...orgProgress({ orgId: 'chutian-cs-2201', orgName: '计算机2201班团支部', kind: 'branch' }), children: [] })
  fireEvent.click(screen.getByText('计算机2201班团支部 ›'))
  await screen.findByText('楚天大学计算机学院团委 / 计算机2201班团支部')
  await waitFor(() => expect(screen.queryByText('下级组织')).toBeNull())
  expect(screen.getByText('保留台账')).toBeTruthy()
  expect(screen.queryByText('标记毕业团支部')).toBeNull()
  expect(screen.queryByText('年度统计表')).toBeNull()
})

test('an employer or a township is not shown a school’s progress or its tools: a plain note instead of 0 / 0 in red', async () => {
  mocked.me!.mockResolvedValue(collegeAdminOf('dongfeng', '东风智造集团有限公司团委'))
  const none = { graduates: 0, started: 0, completed: 0, retained: 0, notStarted: 0, settled: 0, startedRate: 0, completedRate: 0, settledRate: 0, startedTargetRate: 0 }
  mocked.progress!.mockResolvedValue({
    ...orgProgress({ orgId: 'dongfeng', orgName: '东风智造集团有限公司团委', campaignOrgId: null, ...none,
      retainedByReason: { floating: 0, studyAbroad: 0, delayedGraduation: 0 }, target: { graduates: 0, started: 0, excludedFurtherStudy: 0, excludedMilitary: 0 } }),
    children: [],
  })
  mocked.notStarted!.mockResolvedValue({ items: [], total: 0 })
  render(<CampaignPage />)
  expect(await screen.findByText(/^毕业生转接进度、提醒和流动团员转入是学校团组织的工作/)).toBeTruthy()
  for (const text of ['0%', '提醒记录', '保留台账', '毕业去向', '未落实去向转入流动团员团支部', '标记毕业团支部', '工作时限设置', '年度统计表']) {
    expect(screen.queryByText(text)).toBeNull()
  }
  expect(screen.queryByText(/生成提醒链接/)).toBeNull()
  expect(document.body.textContent).not.toMatch(/floating/)
})

test('a leading organ (团省委, 团市委) above the schools keeps the season’s progress of the schools below it', async () => {
  mocked.me!.mockResolvedValue(collegeAdminOf('hubei', '共青团湖北省委'))
  mocked.progress!.mockResolvedValue({
    ...orgProgress({ orgId: 'hubei', orgName: '共青团湖北省委', kind: 'leading-organ', campaignOrgId: null }),
    children: [],
  })
  mocked.notStarted!.mockResolvedValue({ items: [], total: 0 })
  render(<CampaignPage />)
  expect(await screen.findByText('提醒记录')).toBeTruthy()
  expect(screen.queryByText(/^毕业生转接进度、提醒和流动团员转入是学校团组织的工作/)).toBeNull()
  // Marks, dates and the yearly table stay the schools' own.
  expect(screen.queryByText('标记毕业团支部')).toBeNull()
})

test('a leading organ with no graduates below it (a 团县委 of townships and employers) gets the plain note, as a township does', async () => {
  mocked.me!.mockResolvedValue(collegeAdminOf('hongshan', '共青团武汉市洪山区委'))
  const none = { graduates: 0, started: 0, completed: 0, retained: 0, notStarted: 0, settled: 0, startedRate: 0, completedRate: 0, settledRate: 0, startedTargetRate: 0 }
  mocked.progress!.mockResolvedValue({
    ...orgProgress({ orgId: 'hongshan', orgName: '共青团武汉市洪山区委', kind: 'leading-organ', campaignOrgId: null, ...none,
      retainedByReason: { floating: 0, studyAbroad: 0, delayedGraduation: 0 }, target: { graduates: 0, started: 0, excludedFurtherStudy: 0, excludedMilitary: 0 } }),
    children: [],
  })
  mocked.notStarted!.mockResolvedValue({ items: [], total: 0 })
  render(<CampaignPage />)
  expect(await screen.findByText(/^毕业生转接进度、提醒和流动团员转入是学校团组织的工作/)).toBeTruthy()
  expect(screen.queryByText('提醒记录')).toBeNull()
})
