import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { api } from '../../api'
import { nav, ROUTES } from '../../nav'
import { draftStore } from '../../store/draft'
import { apiError, collegeAdmin, counsellor, grant, graduate, transfer } from '../../../test/fixtures'
import HomePage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const tap = (text: string) => fireEvent.click(screen.getByText(text))

beforeEach(() => {
  jest.clearAllMocks()
  draftStore.reset()
  mocked.myDestination!.mockResolvedValue({
    memberId: 'm-1', destination: 'employed', destinationDetail: null, organisationName: '东风智造集团有限公司', organisationAddress: null,
    organisationTownship: null, householdRegistration: null, residence: null, updatedAt: '2026-05-02T02:00:00.000Z',
  })
})

test('a graduate without a transfer is offered to start', async () => {
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([])
  render(<HomePage />)
  expect(await screen.findByText('李明，你好')).toBeTruthy()
  fireEvent.click(await screen.findByText('开始办理组织关系转接'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.questionnaire)
})

test('the steps to a transfer are numbered, with the number as their only marker', async () => {
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([])
  render(<HomePage />)
  const first = await screen.findByText('1. 回答几个问题')
  expect(screen.getByText('5. 跟踪办理进度')).toBeTruthy()
  // A .bullet draws a dot of its own: "• 1." said the marker twice.
  expect(first.closest('.bullet')).toBeNull()
})

test('an open transfer is shown instead of a new start', async () => {
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([transfer({ status: 'pending-incoming' })])
  render(<HomePage />)
  expect(await screen.findByText('你有一笔正在办理的接转')).toBeTruthy()
  expect(screen.getByText(/待转入组织审批/)).toBeTruthy()
  expect(screen.queryByText('开始办理组织关系转接')).toBeNull()
  fireEvent.click(screen.getByText('我的接转'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.transfer)
})

test('a draft in progress can be resumed or restarted', async () => {
  draftStore.update({ answers: { destination: 'employed' } })
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([])
  render(<HomePage />)
  fireEvent.click(await screen.findByText('重新填写'))
  expect(draftStore.get().answers).toEqual({})
  expect(nav.to).toHaveBeenCalledWith(ROUTES.questionnaire)
})

test('an admin\'s home says what they can do, not that they have no member record', async () => {
  mocked.me!.mockResolvedValue(collegeAdmin)
  render(<HomePage />)
  expect(await screen.findByText('计算机学院团委 · 团组织管理员')).toBeTruthy()
  expect(screen.queryByText(/没有团员信息/)).toBeNull()
  expect(screen.getByText('你可以办理')).toBeTruthy()
  expect(screen.getByText('审批本组织转出、转入的接转申请')).toBeTruthy()
  expect(screen.getByText('团员忘记密码时，为其重置为初始密码')).toBeTruthy()
  fireEvent.click(screen.getByText('管理员工作台'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminInbox)
  fireEvent.click(screen.getByText('重置团员密码'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminReset)
  fireEvent.click(screen.getByText('待处理的请求'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminRequests)
  fireEvent.click(screen.getByText('导入名单'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminImport)
  expect(mocked.memberTransfers).not.toHaveBeenCalled()
})

test('a provincial reviewer reaches the requests a school committee passed on, and nothing only org admins do', async () => {
  mocked.me!.mockResolvedValue({ ...collegeAdmin, name: '邓老师', roles: [grant('provincial-reviewer', 'hubei', '共青团湖北省委', { orgKind: 'leading-organ', orgDomain: 'government' })] })
  render(<HomePage />)
  expect(await screen.findByText('共青团湖北省委 · 省级审核员')).toBeTruthy()
  expect(screen.getByText('审核学校团委报来的删除误录团员信息申请')).toBeTruthy()
  expect(screen.queryByText(/报告乡镇街道团委标识有误/)).toBeNull()
  expect(screen.queryByText('重置团员密码')).toBeNull()
  expect(screen.queryByText('导入名单')).toBeNull()
  tap('待处理的请求')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminRequests)
  // Their province's special-unit library: no 转接进度 leads there for them.
  expect(screen.getByText('查看本省转往特殊单位的毕业生（待审核、已入库）')).toBeTruthy()
  tap('特殊单位专属库')
  expect(nav.to).toHaveBeenLastCalledWith(ROUTES.adminSpecialUnit, { orgId: 'hubei' })
})

test('an org admin also watches progress; a counsellor only watches (no empty inbox)', async () => {
  mocked.me!.mockResolvedValue(collegeAdmin)
  const first = render(<HomePage />)
  fireEvent.click(await screen.findByText('毕业生转接进度与提醒'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminCampaign)
  first.unmount()

  mocked.me!.mockResolvedValue(counsellor)
  render(<HomePage />)
  expect(await screen.findByText('毕业生转接进度与提醒')).toBeTruthy()
  expect(screen.getByText('楚天大学计算机学院团委 · 辅导员')).toBeTruthy()
  expect(screen.getByText('查看毕业生发起、办结情况，提醒还没发起的同学')).toBeTruthy()
  expect(screen.queryByText('管理员工作台')).toBeNull()
  expect(screen.queryByText('重置团员密码')).toBeNull()
  // Theirs is on 转接进度, under its 特殊单位 count.
  expect(screen.queryByText('特殊单位专属库')).toBeNull()
})

test('logout clears the session and the draft', async () => {
  draftStore.update({ answers: { destination: 'employed' } })
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([])
  render(<HomePage />)
  fireEvent.click(await screen.findByText('退出登录'))
  expect(mocked.logout).toHaveBeenCalled()
  expect(draftStore.get().answers).toEqual({})
  expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.login)
})

test('an unchanged first password sends the person to change it', async () => {
  mocked.me!.mockRejectedValue(apiError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码'))
  render(<HomePage />)
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.password))
})

test('other failures show their message', async () => {
  mocked.me!.mockRejectedValue(apiError(500, 'INTERNAL', '服务暂时不可用，请稍后重试'))
  render(<HomePage />)
  expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy()
})

test('while /me is on its way home says it is loading, not just 退出登录', async () => {
  let answer: (me: typeof graduate) => void = () => undefined
  mocked.me!.mockReturnValue(new Promise((resolve) => { answer = resolve }))
  mocked.memberTransfers!.mockResolvedValue([])
  render(<HomePage />)
  expect(screen.getByText('加载中…')).toBeTruthy()
  answer(graduate)
  expect(await screen.findByText('李明，你好')).toBeTruthy()
  expect(screen.queryByText('加载中…')).toBeNull()
})

test('a failed load offers 重试, which loads home again', async () => {
  mocked.me!.mockRejectedValueOnce(apiError(500, 'INTERNAL', '服务暂时不可用，请稍后重试')).mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([])
  render(<HomePage />)
  expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy()
  expect(screen.queryByText('加载中…')).toBeNull()
  tap('重试')
  expect(await screen.findByText('李明，你好')).toBeTruthy()
  expect(screen.queryByText('服务暂时不可用，请稍后重试')).toBeNull()
  expect(mocked.me).toHaveBeenCalledTimes(2)
})

test('offline, home says to check the network, and promises nothing about typed input (it has no form)', async () => {
  // What Taro.request throws when the phone is offline, turned into the client's network error.
  mocked.me!.mockRejectedValue({ errMsg: 'request:fail' })
  render(<HomePage />)
  expect(await screen.findByText('网络连接失败，请检查网络后重试。')).toBeTruthy()
  expect(screen.queryByText(/不会丢失/)).toBeNull()
  expect(screen.getByText('重试')).toBeTruthy()
})

test('after completion: 已转入 the assigned branch (where the member is now), not 开始办理', async () => {
  mocked.me!.mockResolvedValue({ ...graduate, member: { ...graduate.member!, orgId: 'rd', orgName: '研发中心团支部' } })
  mocked.memberTransfers!.mockResolvedValue([transfer({
    status: 'completed', targetOrgName: '东风智造集团有限公司团委', receiverIsBranch: false, closedAt: '2026-07-05T02:00:00Z',
  })])
  render(<HomePage />)
  expect(await screen.findByText('已转入 研发中心团支部')).toBeTruthy()
  expect(screen.queryByText('开始办理组织关系转接')).toBeNull()
  expect(screen.queryByText(/东风智造集团有限公司团委/)).toBeNull()
  // Starting again is deliberate: its own wording, the new outgoing org named, then a confirm.
  tap('需要再次转接？从 研发中心团支部 转出')
  expect(nav.to).not.toHaveBeenCalled()
  expect(screen.getByText(/会把它从 研发中心团支部 转往新的组织/)).toBeTruthy()
  tap('确定，再次办理')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.questionnaire)
})

test('rejected: the reason on the home page and a redo that keeps the application', async () => {
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([transfer({
    status: 'rejected', rejectionReason: '单位名称有误', answers: { destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'other' },
    application: { ...transfer().application, emergencyContact: { name: '李父', phone: '13900000009' } },
  })])
  render(<HomePage />)
  expect(await screen.findByText('你的接转申请被驳回了')).toBeTruthy()
  expect(screen.getByText(/单位名称有误/)).toBeTruthy()
  tap('修改后重新提交')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.apply)
  expect(draftStore.get()).toMatchObject({
    answers: { destination: 'employed', employerHasLeagueOrg: true },
    fields: { emergencyName: '李父', emergencyPhone: '13900000009' },
    rejectedReason: '单位名称有误',
  })
})

test('a member kept abroad is reminded of the periodic report on home, overdue or not, one tap from it', async () => {
  const report = { intervalMonths: 6, lastReportAt: null, lastNote: null, dueAt: '2027-06-02T02:00:00Z', overdue: false }
  mocked.me!.mockResolvedValue({ ...graduate, abroadReport: report })
  mocked.memberTransfers!.mockResolvedValue([])
  const { unmount } = render(<HomePage />)
  expect(await screen.findByText('定期报告：请于 2027-06-02 前报告近况')).toBeTruthy()
  tap('去报告')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.mine)
  unmount()

  mocked.me!.mockResolvedValue({ ...graduate, abroadReport: { ...report, overdue: true } })
  render(<HomePage />)
  expect(await screen.findByText('定期报告已逾期（应于 2027-06-02 前），请尽快报告')).toBeTruthy()
})

test('no report reminder for a member who is not kept abroad', async () => {
  mocked.me!.mockResolvedValue({ ...graduate, abroadReport: null })
  mocked.memberTransfers!.mockResolvedValue([])
  render(<HomePage />)
  await screen.findByText('李明，你好')
  expect(screen.queryByText('去报告')).toBeNull()
})

test('a township refusal reads as a path under way, not a dead end: whom to call now, kept meanwhile; the path first', async () => {
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([transfer({
    status: 'rejected', target: 'township-org', rejectionReason: '户籍不在本街道',
    escalation: {
      level: 'county', next: 'city', levels: [], floatingBranch: null, actions: [], retainedUntil: '2027-03-01T16:00:00.000Z',
      current: { level: 'county', orgId: 'hongshan', orgName: '共青团武汉市洪山区委', contacts: [] },
    },
  })])
  render(<HomePage />)
  expect(await screen.findByText('乡镇（街道）团组织没有接收你的申请')).toBeTruthy()
  expect(screen.getByText(/户籍不在本街道/)).toBeTruthy()
  expect(screen.getByText('现在请联系：共青团武汉市洪山区委')).toBeTruthy()
  expect(screen.getByText('学校暂时保留你的团组织关系至 2027-03-02')).toBeTruthy()
  expect(document.querySelector('.home-rejected .btn-primary')?.textContent).toBe('我的接转')
  expect(screen.queryByText('你的接转申请被驳回了')).toBeNull()
  tap('修改后重新提交')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.apply)
})

test('我的 is one tap from home', async () => {
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([])
  render(<HomePage />)
  fireEvent.click(await screen.findByText('我的'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.mine)
})

test('a graduating member without a transfer is asked for their destination in advance; once reported, home says what the school has', async () => {
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([])
  mocked.myDestination!.mockResolvedValue(null)
  const { unmount } = render(<HomePage />)
  expect(await screen.findByText(/学校正在收集毕业去向/)).toBeTruthy()
  tap('填写毕业去向')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.destination)
  unmount()

  mocked.myDestination!.mockResolvedValue({
    memberId: 'm-1', destination: 'further-study', destinationDetail: 'postgraduate', organisationName: '楚天大学', organisationAddress: null,
    organisationTownship: null, householdRegistration: null, residence: null, updatedAt: '2026-05-02T02:00:00.000Z',
  })
  render(<HomePage />)
  expect(await screen.findByText('已填报：国内升学 · 楚天大学')).toBeTruthy()
  expect(screen.getByText('查看或修改')).toBeTruthy()
})

test('no destination card once a transfer exists, and home still works when the destination cannot be read', async () => {
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([transfer({ status: 'pending-incoming' })])
  mocked.myDestination!.mockResolvedValue(null)
  const { unmount } = render(<HomePage />)
  expect(await screen.findByText('你有一笔正在办理的接转')).toBeTruthy()
  expect(screen.queryByText('毕业去向预填')).toBeNull()
  unmount()

  mocked.memberTransfers!.mockResolvedValue([])
  mocked.myDestination!.mockRejectedValue(apiError(503, 'UNAVAILABLE', '服务暂时不可用'))
  render(<HomePage />)
  expect(await screen.findByText('开始办理组织关系转接')).toBeTruthy()
  expect(screen.queryByText('毕业去向预填')).toBeNull()
  expect(screen.queryByText('服务暂时不可用')).toBeNull()
})
