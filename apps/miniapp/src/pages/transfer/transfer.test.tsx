import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { draftStore } from '../../store/draft'
import { apiError, application, graduate, transfer } from '../../../test/fixtures'
import TransferPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const tap = (text: string) => fireEvent.click(screen.getByText(text))

beforeEach(() => {
  jest.clearAllMocks()
  mocked.me!.mockResolvedValue(graduate)
  ;(useParams as jest.Mock).mockReturnValue({})
})

function serve(current: ReturnType<typeof transfer>, earlier: ReturnType<typeof transfer>[] = []) {
  mocked.memberTransfers!.mockResolvedValue([current, ...earlier])
  mocked.transfer!.mockResolvedValue(current)
}

test('an open transfer: steps from the lifecycle, who acted when', async () => {
  serve(transfer({
    status: 'pending-incoming',
    events: [
      { at: '2025-07-01T02:00:00Z', actorId: 'm-1', actorName: '李明', action: 'submit', comment: null, fromStatus: null, toStatus: 'pending-outgoing' },
      { at: '2025-07-02T02:00:00Z', actorId: 'a-1', actorName: '王老师', action: 'approve', comment: '材料齐全', fromStatus: 'pending-outgoing', toStatus: 'pending-incoming' },
    ],
  }))
  render(<TransferPage />)
  expect(await screen.findByText('待转入组织审批')).toBeTruthy()
  const steps = Array.from(document.querySelectorAll('.step')).map((el) => [el.textContent, el.getAttribute('data-state')])
  expect(steps).toEqual([
    ['✓提交申请', 'done'], ['✓转出组织审批', 'done'], ['3转入组织审批', 'current'], ['4办结', 'todo'],
  ])
  expect(screen.getByText('王老师')).toBeTruthy()
  expect(screen.getByText('材料齐全')).toBeTruthy()
  expect(mocked.memberTransfers).toHaveBeenCalledWith('m-1')
})

test('while the transfer is on its way the page says it is loading, not just 刷新 and 返回首页', async () => {
  let answer: (me: typeof graduate) => void = () => undefined
  mocked.me!.mockReturnValue(new Promise((resolve) => { answer = resolve }))
  serve(transfer({ status: 'pending-incoming' }))
  render(<TransferPage />)
  expect(screen.getByText('加载中…')).toBeTruthy()
  answer(graduate)
  expect(await screen.findByText('待转入组织审批')).toBeTruthy()
  expect(screen.queryByText('加载中…')).toBeNull()
})

test('a failed load offers 重试 in the error, which loads the transfer again', async () => {
  mocked.me!.mockRejectedValueOnce(apiError(500, 'INTERNAL', '服务暂时不可用，请稍后重试'))
  serve(transfer({ status: 'pending-incoming' }))
  render(<TransferPage />)
  const banner = (await screen.findByText('服务暂时不可用，请稍后重试')).closest('.error-banner') as HTMLElement
  expect(screen.queryByText('加载中…')).toBeNull()
  fireEvent.click(within(banner).getByText('重试'))
  expect(await screen.findByText('待转入组织审批')).toBeTruthy()
  expect(screen.queryByText('服务暂时不可用，请稍后重试')).toBeNull()
})

test('withdraw only when allowed, after a confirmation', async () => {
  serve(transfer({ allowedActions: ['withdraw'] }))
  mocked.withdraw!.mockResolvedValue(transfer({ status: 'withdrawn' }))
  render(<TransferPage />)
  await screen.findByText('撤回申请')
  tap('撤回申请')
  expect(screen.getByText('确定撤回？撤回后可重新发起。')).toBeTruthy()
  tap('确定撤回')
  await waitFor(() => expect(mocked.withdraw).toHaveBeenCalledWith('t-1'))
  expect(mocked.memberTransfers).toHaveBeenCalledTimes(2)
})

test('修改申请 next to 撤回 when the lifecycle allows it: the form opens with the application as submitted', async () => {
  serve(transfer({
    allowedActions: ['withdraw', 'modify'],
    answers: { destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'other' },
    remarks: '七月入职',
    application: application({ emergencyContact: { name: '李父', phone: '13900000009' }, reason: '已落实工作单位', remarks: '七月入职' }),
  }))
  render(<TransferPage />)
  await screen.findByText('修改申请')
  expect(screen.getByText('撤回申请')).toBeTruthy()
  tap('修改申请')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.apply)
  expect(draftStore.get()).toEqual({
    answers: { destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'other' },
    receiver: { orgId: 'e-branch', orgName: '光谷科技有限公司团支部' },
    fields: { emergencyName: '李父', emergencyPhone: '13900000009', remarks: '七月入职', retentionWhere: '', retentionMonths: '', retentionContact: '' },
    editing: 't-1',
  })
})

test('no 修改申请 once the receiver has acted; a new start forgets an unfinished change', async () => {
  draftStore.update({ editing: 't-old' })
  serve(transfer({ status: 'withdrawn', allowedActions: [] }))
  render(<TransferPage />)
  await screen.findByText('重新发起')
  expect(screen.queryByText('修改申请')).toBeNull()
  tap('重新发起')
  expect(draftStore.get().editing).toBeUndefined()
  expect(nav.to).toHaveBeenCalledWith(ROUTES.questionnaire)
})

test('no withdraw button when the lifecycle says no', async () => {
  serve(transfer({ status: 'pending-assignment', receiverIsBranch: false, allowedActions: [] }))
  render(<TransferPage />)
  await screen.findByText('待分配团支部')
  expect(screen.queryByText('撤回申请')).toBeNull()
})

test('a refused withdrawal shows the API message', async () => {
  serve(transfer())
  mocked.withdraw!.mockRejectedValue(apiError(409, 'WITHDRAW_NOT_ALLOWED', '接收方已经同意接收，不能撤回。'))
  render(<TransferPage />)
  await screen.findByText('撤回申请')
  tap('撤回申请')
  tap('确定撤回')
  expect(await screen.findByText('接收方已经同意接收，不能撤回。')).toBeTruthy()
})

test('rejected: the reason, what to do next, and a new start', async () => {
  serve(transfer({
    status: 'rejected',
    target: 'township-org',
    targetOrgName: '关山街道团工委',
    rejectionReason: '户籍不在本街道',
    answers: { destination: 'employed', employerHasLeagueOrg: false, receiverRegion: 'other' },
    nextSteps: ['请与学校团组织一起联系该街道团组织说明情况。', '仍不接收的，由学校团组织向其上级团组织反映；其间学校可暂时保留你的组织关系（不超过6个月）。'],
    allowedActions: [],
    events: [
      { at: '2025-07-01T02:00:00Z', actorId: 'm-1', actorName: '李明', action: 'submit', comment: null, fromStatus: null, toStatus: 'pending-outgoing' },
      { at: '2025-07-02T02:00:00Z', actorId: 'a-1', actorName: '王老师', action: 'approve', comment: null, fromStatus: 'pending-outgoing', toStatus: 'pending-incoming' },
      { at: '2025-07-03T02:00:00Z', actorId: 'r-1', actorName: '赵书记', action: 'reject', comment: '户籍不在本街道', fromStatus: 'pending-incoming', toStatus: 'rejected' },
    ],
  }))
  render(<TransferPage />)
  expect(await screen.findByText('已驳回')).toBeTruthy()
  expect(screen.getByText('驳回原因')).toBeTruthy()
  expect(screen.getAllByText('户籍不在本街道').length).toBeGreaterThan(0)
  expect(screen.getByText(/向其上级团组织反映/)).toBeTruthy()
  expect(screen.queryByText('撤回申请')).toBeNull()
  tap('修改后重新提交')
  // A new start that keeps the rejected one's answers, receiver and form.
  expect(nav.to).toHaveBeenCalledWith(ROUTES.apply)
  expect(draftStore.get()).toMatchObject({
    answers: { destination: 'employed' }, receiver: { orgName: '关山街道团工委' }, rejectedReason: '户籍不在本街道',
  })
  expect(draftStore.get().editing).toBeUndefined()
})

test('rejected: the step it stopped at is marked, with the rejecting org\'s admin to call', async () => {
  serve(transfer({
    status: 'rejected',
    rejectionReason: '单位名称有误',
    allowedActions: [],
    rejectedBy: { step: 'pending-outgoing', orgName: '计算机学院团委', adminName: '王老师', adminPhone: '13800000002' },
    events: [
      { at: '2025-07-01T02:00:00Z', actorId: 'm-1', actorName: '李明', action: 'submit', comment: null, fromStatus: null, toStatus: 'pending-outgoing' },
      { at: '2025-07-02T02:00:00Z', actorId: 'a-1', actorName: '王老师', action: 'reject', comment: '单位名称有误', fromStatus: 'pending-outgoing', toStatus: 'rejected' },
    ],
  }))
  render(<TransferPage />)
  expect(await screen.findByText('在这一步被驳回')).toBeTruthy()
  const rejected = document.querySelector('.step-rejected')
  expect(rejected?.textContent).toContain('转出组织审批')
  expect(screen.getByText('计算机学院团委 · 王老师')).toBeTruthy()
  expect(screen.getByText('13800000002')).toBeTruthy()
})

test('rejected: the reason said once, with 修改后重新提交 right under it, not after the timeline', async () => {
  const reason = '单位名称与就业协议不一致'
  serve(transfer({
    status: 'rejected',
    rejectionReason: reason,
    allowedActions: [],
    rejectedBy: { step: 'pending-outgoing', orgName: '计算机学院团委', adminName: '王老师', adminPhone: '13800000002' },
    // The API's next steps for a rejection start by repeating the reason.
    nextSteps: [`驳回原因：${reason}`, '请按驳回原因修改后重新提交；有疑问请联系驳回的团组织。'],
    events: [
      { at: '2025-07-01T02:00:00Z', actorId: 'm-1', actorName: '李明', action: 'submit', comment: '七月入职', fromStatus: null, toStatus: 'pending-outgoing' },
      { at: '2025-07-02T02:00:00Z', actorId: 'a-1', actorName: '王老师', action: 'reject', comment: reason, fromStatus: 'pending-outgoing', toStatus: 'rejected' },
    ],
  }))
  render(<TransferPage />)
  const stated = await screen.findByText(reason)
  expect(screen.getAllByText(new RegExp(reason))).toHaveLength(1)
  expect(screen.getByText('请按驳回原因修改后重新提交；有疑问请联系驳回的团组织。')).toBeTruthy()
  // The other events keep their comments.
  expect(screen.getByText('七月入职')).toBeTruthy()
  const redo = screen.getByText('修改后重新提交')
  expect(redo.closest('.rejection')).toBe(stated.closest('.rejection'))
  expect(stated.nextElementSibling).toBe(redo)
  expect(redo.compareDocumentPosition(document.querySelector('.timeline')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  expect(screen.getAllByText('修改后重新提交')).toHaveLength(1)
})

test('a township\'s refusal keeps who did not take the graduate, without the reason again', async () => {
  serve(transfer({
    status: 'rejected', target: 'township-org', targetOrgName: '关山街道团工委', rejectionReason: '户籍不在本街道', allowedActions: [],
    nextSteps: ['关山街道团工委没有接收。驳回原因：户籍不在本街道', '请你和学校团组织一起与关山街道团工委沟通，说明情况，再重新提交。'],
  }))
  render(<TransferPage />)
  expect(await screen.findByText('关山街道团工委没有接收。')).toBeTruthy()
  expect(screen.getAllByText(/户籍不在本街道/)).toHaveLength(1)
})

test('earlier transfers are listed and open to their timeline', async () => {
  serve(transfer({ id: 't-2' }), [transfer({ id: 't-1', status: 'withdrawn', targetOrgName: '旧单位团支部', allowedActions: [] })])
  render(<TransferPage />)
  expect(await screen.findByText('历史记录')).toBeTruthy()
  tap('已撤回 · 旧单位团支部')
  expect(document.querySelectorAll('.timeline').length).toBe(2)
})

test('nothing yet: an invitation to start', async () => {
  mocked.memberTransfers!.mockResolvedValue([])
  render(<TransferPage />)
  expect(await screen.findByText('你还没有接转记录。')).toBeTruthy()
  tap('开始办理')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.questionnaire)
})

test('a loading failure shows the API message', async () => {
  mocked.me!.mockRejectedValue(apiError(500, 'INTERNAL', '服务暂时不可用，请稍后重试'))
  render(<TransferPage />)
  expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy()
})

test('an expired session goes back to the login page', async () => {
  mocked.me!.mockRejectedValue(apiError(401, 'UNAUTHENTICATED', '请先登录'))
  render(<TransferPage />)
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.login))
})

test('in the weapp, an open transfer offers 订阅进度提醒 (a finished one does not); never in H5', async () => {
  const env = process.env
  try {
    serve(transfer({ status: 'pending-outgoing' }))
    const h5 = render(<TransferPage />)
    expect(await screen.findByText('待转出组织审批')).toBeTruthy()
    expect(screen.queryByText('订阅进度提醒')).toBeNull()
    h5.unmount()

    process.env = { ...env, TARO_ENV: 'weapp', TARO_APP_REMINDER_TEMPLATE_ID: 'tmpl-1' }
    const open = render(<TransferPage />)
    expect(await screen.findByText('订阅进度提醒')).toBeTruthy()
    open.unmount()

    serve(transfer({ status: 'completed', allowedActions: [] }))
    render(<TransferPage />)
    expect(await screen.findByText('已办结')).toBeTruthy()
    expect(screen.queryByText('订阅进度提醒')).toBeNull()
  } finally {
    process.env = env
  }
})

test('申请已修改 speaks of the application while it stands: gone once it is withdrawn', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ modified: 't-1' })
  serve(transfer({ allowedActions: ['withdraw', 'modify'] }))
  render(<TransferPage />)
  expect(await screen.findByText('申请已修改。')).toBeTruthy()
  mocked.withdraw!.mockResolvedValue(transfer({ status: 'withdrawn', allowedActions: [] }))
  serve(transfer({ status: 'withdrawn', allowedActions: [] }))
  tap('撤回申请')
  tap('确定撤回')
  await screen.findByText('重新发起')
  expect(screen.queryByText('申请已修改。')).toBeNull()
})

test('申请已提交 after a withdrawal and a reload (the address still says submitted): not shown', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ submitted: 't-1' })
  serve(transfer({ status: 'withdrawn', allowedActions: [] }))
  render(<TransferPage />)
  await screen.findByText('重新发起')
  expect(screen.queryByText('申请已提交')).toBeNull()
})
