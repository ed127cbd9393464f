import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { COMMENT_MAX, REJECT_REASON_MAX } from '@xianjie/contract'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { apiError, application, org, transfer } from '../../../test/fixtures'
import { expectPinned } from '../../../test/pinned'
import { adminDraftStore } from '../../store/draft'
import DetailPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const all = (c: object) => ({ 'pending-outgoing': 0, 'pending-provincial': 0, 'pending-incoming': 0, 'pending-assignment': 0, completed: 0, rejected: 0, withdrawn: 0, ...c })
const mocked = jest.mocked(api)
const tap = (text: string) => fireEvent.click(screen.getByText(text))

const filled = application({
  emergencyContact: { name: '李父', phone: '13900000009' },
  outgoingAdmin: { name: '王老师', phone: '13800000002' }, superiorPhone: '027-00000000',
  reason: '已落实工作单位', remarks: '已签约',
})

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({ id: 't-1', box: 'outgoing' })
})

test('the application and the timeline', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ application: filled, allowedActions: ['approve', 'reject'] }))
  render(<DetailPage />)
  expect(await screen.findByText('申请信息')).toBeTruthy()
  expect(screen.getByText('李父 13900000009')).toBeTruthy()
  expect(screen.getByText('已签约')).toBeTruthy()
  expect(document.querySelectorAll('.step').length).toBe(4)
})

test('the outgoing branch with its school and college, so a receiver knows where the member comes from', async () => {
  const app = application({ outgoingOrgPath: ['楚天大学团委', '楚天大学计算机学院团委', '计算机2201班团支部'] })
  mocked.transfer!.mockResolvedValue(transfer({ application: app }))
  render(<DetailPage />)
  expect(await screen.findByText('楚天大学团委 › 楚天大学计算机学院团委 › 计算机2201班团支部')).toBeTruthy()
})

test('an application from before the path was recorded shows the branch alone', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ application: application() }))
  render(<DetailPage />)
  expect(await screen.findByText('计算机学院2021级1班团支部')).toBeTruthy()
})

test('a township sees the 户籍 and 现居住地 the member reported, or that nothing was', async () => {
  const home = { householdRegistration: '湖北省武汉市洪山区关山街道', residence: '武汉市洪山区关山大道 1 号' }
  mocked.transfer!.mockResolvedValue(transfer({ target: 'township-org', application: application({ reportedHome: home }) }))
  const { unmount } = render(<DetailPage />)
  expect(await screen.findByText('团员填报的户籍与住址')).toBeTruthy()
  expect(screen.getByText('湖北省武汉市洪山区关山街道')).toBeTruthy()
  expect(screen.getByText('武汉市洪山区关山大道 1 号')).toBeTruthy()
  unmount()

  mocked.transfer!.mockResolvedValue(transfer({ target: 'township-org', application: application({ reportedHome: null }) }))
  const second = render(<DetailPage />)
  expect(await screen.findByText(/团员没有填报户籍所在地和现居住地/)).toBeTruthy()
  second.unmount()

  mocked.transfer!.mockResolvedValue(transfer({ application: filled }))
  render(<DetailPage />)
  await screen.findByText('申请信息')
  expect(screen.queryByText('团员填报的户籍与住址')).toBeNull()
})

test('the paper duties speak about the member to the admin, not to "你"', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ answers: { destination: 'military' }, path: 'special-unit' }))
  render(<DetailPage />)
  expect(await screen.findByText('由团员入团时所在的团组织补办入团志愿书、团员证，团员再把纸质材料交到新的接收单位团组织。')).toBeTruthy()
  expect(screen.getByText(/参军入伍的，团组织关系转接要和入伍手续一起办理/)).toBeTruthy()
  expect(screen.queryByText(/请到你入团时/)).toBeNull()
})

test('study abroad: the written retention application the college approves (where, how long, the domestic contact)', async () => {
  const retention = { where: '英国 爱丁堡大学', months: 24, domesticContact: '陈父 13900000021' }
  mocked.transfer!.mockResolvedValue(transfer({ application: application({ retention }), allowedActions: ['approve', 'reject'] }))
  render(<DetailPage />)
  expect(await screen.findByText('保留申请')).toBeTruthy()
  expect(screen.getByText('英国 爱丁堡大学')).toBeTruthy()
  expect(screen.getByText('24 个月')).toBeTruthy()
  expect(screen.getByText('陈父 13900000021')).toBeTruthy()
})

test('an application without a retention part shows none', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ application: filled, allowedActions: ['approve', 'reject'] }))
  render(<DetailPage />)
  await screen.findByText('申请信息')
  expect(screen.queryByText('保留申请')).toBeNull()
})

test('an approval that completes the transfer says so, not "to the next step"', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ allowedActions: ['approve', 'reject'] }))
  mocked.approve!.mockResolvedValue(transfer({ status: 'completed', allowedActions: [] }))
  mocked.inbox!.mockResolvedValue({ items: [], counts: all({}) })
  render(<DetailPage />)
  await screen.findByText('同意')
  mocked.transfer!.mockResolvedValue(transfer({ status: 'completed', allowedActions: [] }))
  tap('同意')
  const bar = document.querySelector('.action-bar') as HTMLElement
  expect(await within(bar).findByText('已同意，接转已办结。')).toBeTruthy()
  expect(within(bar).queryByText('已同意，已转到下一环节。')).toBeNull()
})

test('approve with an optional comment, from the bar at the bottom; the result and the next item appear there', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ allowedActions: ['approve', 'reject'] }))
  mocked.approve!.mockResolvedValue(transfer({ status: 'pending-incoming', allowedActions: [] }))
  mocked.inbox!.mockResolvedValue({ items: [transfer(), transfer({ id: 't-7' }), transfer({ id: 't-8' })], counts: all({ 'pending-outgoing': 3 }) })
  render(<DetailPage />)
  await screen.findByText('同意')
  const bar = document.querySelector('.action-bar') as HTMLElement
  expectPinned(bar)
  expect(within(bar).getByText('同意')).toBeTruthy()
  expect(within(bar).getByText('不同意')).toBeTruthy()
  fireEvent.click(within(bar).getByText('＋ 写审批意见（选填）'))
  fireEvent.input(within(bar).getByLabelText('审批意见（选填）'), { target: { value: '材料齐全' } })
  mocked.transfer!.mockResolvedValue(transfer({ status: 'pending-incoming', allowedActions: [] }))
  tap('同意')
  await waitFor(() => expect(mocked.approve).toHaveBeenCalledWith('t-1', '材料齐全'))
  expect(await within(bar).findByText('已同意，已转到下一环节。')).toBeTruthy()
  expect(mocked.inbox).toHaveBeenCalledWith('outgoing', undefined, 'pending')
  fireEvent.click(await within(bar).findByText('下一条（还有 2 条待处理）'))
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.adminDetail, { id: 't-7', box: 'outgoing' })
})

test('the last pending item says the work is done', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ allowedActions: ['approve', 'reject'] }))
  mocked.approve!.mockResolvedValue(transfer({ status: 'pending-incoming', allowedActions: [] }))
  mocked.inbox!.mockResolvedValue({ items: [transfer()], counts: all({ 'pending-outgoing': 1 }) })
  render(<DetailPage />)
  await screen.findByText('同意')
  mocked.transfer!.mockResolvedValue(transfer({ status: 'pending-incoming', allowedActions: [] }))
  tap('同意')
  expect(await screen.findByText('待处理的都处理完了。')).toBeTruthy()
  tap('返回列表')
  expect(nav.back).toHaveBeenCalledWith(ROUTES.adminInbox)
})

test('reject needs a reason', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ allowedActions: ['approve', 'reject'] }))
  mocked.reject!.mockResolvedValue(transfer({ status: 'rejected', rejectionReason: '单位名称有误', allowedActions: [] }))
  render(<DetailPage />)
  await screen.findByText('不同意')
  tap('不同意')
  tap('确认不同意')
  expect(screen.getByText('请填写不同意的原因，团员会看到它。')).toBeTruthy()
  expect(mocked.reject).not.toHaveBeenCalled()
  fireEvent.input(screen.getByLabelText('不同意的原因（必填）'), { target: { value: '单位名称有误' } })
  // The counter caps at the contract's limit, the one the API enforces.
  expect(screen.getByText(`6/${REJECT_REASON_MAX}`)).toBeTruthy()
  tap('确认不同意')
  await waitFor(() => expect(mocked.reject).toHaveBeenCalledWith('t-1', '单位名称有误'))
})

test('a refused action shows the API message and keeps the reason', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ allowedActions: ['reject'] }))
  mocked.reject!.mockRejectedValue(apiError(409, 'NOT_YOUR_STEP', '现在是转入组织审批环节，不该由你办理。'))
  render(<DetailPage />)
  await screen.findByText('不同意')
  tap('不同意')
  fireEvent.input(screen.getByLabelText('不同意的原因（必填）'), { target: { value: '单位名称有误' } })
  tap('确认不同意')
  expect(await screen.findByText('现在是转入组织审批环节，不该由你办理。')).toBeTruthy()
  expect((screen.getByLabelText('不同意的原因（必填）') as HTMLTextAreaElement).value).toBe('单位名称有误')
})

test('the pinned bar holds the buttons only: the reason, several lines, opens with 不同意 and closes with 取消', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ allowedActions: ['approve', 'reject'] }))
  render(<DetailPage />)
  await screen.findByText('不同意')
  const bar = document.querySelector('.action-bar') as HTMLElement
  expect(bar.querySelectorAll('input, textarea')).toHaveLength(0)
  tap('不同意')
  const reason = within(bar).getByLabelText('不同意的原因（必填）')
  // A reason of up to 500 characters is read back while typed, not scrolled out of a one-line input.
  expect(reason.tagName).toBe('TEXTAREA')
  expectPinned(reason)
  expect(within(bar).queryByText('同意')).toBeNull()
  tap('取消')
  expect(within(bar).queryByLabelText('不同意的原因（必填）')).toBeNull()
  expect(within(bar).getByText('同意')).toBeTruthy()
})

test('the optional comment opens on request, several lines with its count, and stays open once written', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ allowedActions: ['approve', 'reject'] }))
  render(<DetailPage />)
  await screen.findByText('同意')
  const bar = document.querySelector('.action-bar') as HTMLElement
  expect(within(bar).queryByLabelText('审批意见（选填）')).toBeNull()
  fireEvent.click(within(bar).getByText('＋ 写审批意见（选填）'))
  const comment = within(bar).getByLabelText('审批意见（选填）')
  expect(comment.tagName).toBe('TEXTAREA')
  fireEvent.input(comment, { target: { value: '材料齐全' } })
  expect(within(bar).getByText(`4/${COMMENT_MAX}`)).toBeTruthy()
  expect(within(bar).queryByText('＋ 写审批意见（选填）')).toBeNull()
})

test('the receiving admin accepts', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ id: 't-1', box: 'incoming' })
  mocked.transfer!.mockResolvedValue(transfer({ status: 'pending-incoming', allowedActions: ['approve', 'reject'] }))
  mocked.approve!.mockResolvedValue(transfer({ status: 'completed', allowedActions: [] }))
  render(<DetailPage />)
  tap(await screen.findByText('同意接收').then(() => '同意接收'))
  await waitFor(() => expect(mocked.approve).toHaveBeenCalledWith('t-1', undefined))
})

test('assign a branch when the receiver is not one: confirmed, and the completed card names it', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ id: 't-1', box: 'incoming' })
  mocked.transfer!.mockResolvedValue(transfer({
    status: 'pending-assignment', receiverIsBranch: false, targetOrgId: 'e-1', targetOrgName: '光谷科技有限公司团委',
    allowedActions: ['assign'],
  }))
  mocked.orgs!.mockResolvedValue([
    org({ id: 'e-b1', name: '研发部团支部', kind: 'branch', parentId: 'e-1' }),
    org({ id: 'e-gb', name: '生产团总支', kind: 'general-branch', parentId: 'e-1', hasChildren: true }),
  ])
  const completed = transfer({
    status: 'completed', allowedActions: [], targetOrgId: 'e-1', targetOrgName: '光谷科技有限公司团委', assignedBranchId: 'e-b1', assignedBranchName: '研发部团支部',
  })
  mocked.assign!.mockResolvedValue(completed)
  mocked.inbox!.mockResolvedValue({ items: [], counts: all({}) })
  render(<DetailPage />)
  tap(await screen.findByText('分配到团支部').then(() => '分配到团支部'))
  const row = (await screen.findByText('研发部团支部')).closest('.org-row') as HTMLElement
  expect(mocked.orgs).toHaveBeenCalledWith({ parentId: 'e-1' })
  expect(within(screen.getByText('生产团总支').closest('.org-row') as HTMLElement).queryByText('选这个')).toBeNull()
  fireEvent.click(within(row).getByText('选这个'))
  // Nothing is sent before the admin confirms the branch by name.
  expect(await screen.findByText('分配到 研发部团支部？')).toBeTruthy()
  expect(mocked.assign).not.toHaveBeenCalled()
  tap('取消')
  expect(screen.queryByText('分配到 研发部团支部？')).toBeNull()
  fireEvent.click(within((await screen.findByText('研发部团支部')).closest('.org-row') as HTMLElement).getByText('选这个'))
  mocked.transfer!.mockResolvedValue(completed)
  tap('确认分配')
  await waitFor(() => expect(mocked.assign).toHaveBeenCalledWith('t-1', 'e-b1'))
  expect(await screen.findByText('已分配到 研发部团支部，接转办结。')).toBeTruthy()
  const card = document.querySelector('.transfer-summary') as HTMLElement
  expect(within(card).getByText('分配团支部')).toBeTruthy()
  expect(within(card).getByText('研发部团支部')).toBeTruthy()
})

test('accepting a receiver that is not a branch offers the assignment right there', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ id: 't-1', box: 'incoming' })
  mocked.transfer!.mockResolvedValue(transfer({ status: 'pending-incoming', receiverIsBranch: false, targetOrgId: 'e-1', allowedActions: ['approve', 'reject'] }))
  const accepted = transfer({ status: 'pending-assignment', receiverIsBranch: false, targetOrgId: 'e-1', allowedActions: ['assign'] })
  mocked.approve!.mockResolvedValue(accepted)
  mocked.inbox!.mockResolvedValue({ items: [], counts: all({}) })
  render(<DetailPage />)
  await screen.findByText('同意接收')
  mocked.transfer!.mockResolvedValue(accepted)
  tap('同意接收')
  expect(await screen.findByText('已同意接收。')).toBeTruthy()
  const bar = document.querySelector('.action-bar') as HTMLElement
  expect(await within(bar).findByText('分配到团支部')).toBeTruthy()
  expect(within(bar).queryByText('返回列表')).toBeNull()
})

test('a transfer that cannot be loaded shows why', async () => {
  mocked.transfer!.mockRejectedValue(apiError(404, 'NOT_FOUND', '没有找到这笔业务'))
  render(<DetailPage />)
  expect(await screen.findByText('没有找到这笔业务')).toBeTruthy()
})

test('an admin who started it (代为发起, 发起转入) may withdraw their own mistake, after a confirmation', async () => {
  const withdrawn = transfer({ status: 'withdrawn', allowedActions: [] })
  mocked.transfer!.mockResolvedValueOnce(transfer({ allowedActions: ['withdraw'] })).mockResolvedValue(withdrawn)
  mocked.withdraw!.mockResolvedValue(withdrawn)
  mocked.inbox!.mockResolvedValue({ items: [], counts: all({}) })
  render(<DetailPage />)
  fireEvent.click(await screen.findByText('撤回申请'))
  expect(screen.getByText('确定撤回这份由你发起的申请？撤回后可以重新发起。')).toBeTruthy()
  expect(mocked.withdraw).not.toHaveBeenCalled()
  tap('确定撤回')
  expect(await screen.findByText('已撤回。团员可以重新发起，你也可以重新代为发起。')).toBeTruthy()
  expect(mocked.withdraw).toHaveBeenCalledWith('t-1')
  expect(screen.queryByText('撤回申请')).toBeNull()
})

test('no withdraw for a transfer the admin only approves', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ allowedActions: ['approve', 'reject'] }))
  render(<DetailPage />)
  await screen.findByText('不同意')
  expect(screen.queryByText('撤回申请')).toBeNull()
})

test('the member\'s whole transfer history is one tap from a transfer', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ memberId: 'm-9', allowedActions: [] }))
  render(<DetailPage />)
  fireEvent.click(await screen.findByText('该团员的全部接转记录'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminMember, { id: 'm-9' })
})

test('修改申请 on one the admin started opens the start form with it filled in, for the same member', async () => {
  mocked.transfer!.mockResolvedValue(transfer({
    id: 't-1', memberId: 'm-1', memberName: '李明', remarks: '已签约', allowedActions: ['withdraw', 'modify'],
    startedBy: { id: 'a-1', name: '王老师', party: 'outgoing-admin' },
  }))
  render(<DetailPage />)
  fireEvent.click(await screen.findByText('修改申请'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminStart)
  expect(adminDraftStore.get()).toMatchObject({ editing: 't-1', member: { id: 'm-1', name: '李明' }, fields: { remarks: '已签约' } })
  adminDraftStore.reset()
})

test('a pull-in the admin started is withdrawn, not changed here (the change form is 代为发起\'s)', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ allowedActions: ['withdraw', 'modify'], startedBy: { id: 'a-2', name: '曹老师', party: 'receiving-admin' } }))
  render(<DetailPage />)
  expect(await screen.findByText('撤回申请')).toBeTruthy()
  expect(screen.queryByText('修改申请')).toBeNull()
})
