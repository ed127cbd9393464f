import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { api, clearSession } from '../../api'
import { saveSession, markPasswordChanged } from '../../api/token'
import { nav, ROUTES, useParams } from '../../nav'
import { peekReturn, forgetReturn } from '../../store/return-to'
import { apiError, landing, networkError, TOKEN } from '../../../test/fixtures'
import ReminderPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const params = useParams as jest.Mock
const user = { id: 'm-cs2201-3', name: '张伟', roles: [] }

function loggedIn() {
  saveSession('tok', user, false)
}

beforeEach(() => {
  jest.clearAllMocks()
  clearSession()
  forgetReturn()
  params.mockReturnValue({ token: TOKEN })
})

test('without a login it keeps the token and sends the graduate to log in', () => {
  render(<ReminderPage />)
  expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.login)
  expect(peekReturn()).toEqual({ route: ROUTES.reminder, query: { token: TOKEN } })
  expect(mocked.openReminder).not.toHaveBeenCalled()
})

test('an unchanged first password goes to the password page first, keeping the token', () => {
  saveSession('tok', user, true)
  render(<ReminderPage />)
  expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.password)
  expect(peekReturn()?.query).toEqual({ token: TOKEN })
})

test('not started: the steps, the deadline and one tap into the questionnaire', async () => {
  loggedIn()
  mocked.openReminder!.mockResolvedValue(landing())
  render(<ReminderPage />)
  expect(await screen.findByText('张伟同学，你好')).toBeTruthy()
  expect(mocked.openReminder).toHaveBeenCalledWith(TOKEN)
  expect(screen.getByText('你还没有发起团组织关系转接，请尽快办理。')).toBeTruthy()
  expect(screen.getByText('2026-08-31（还剩 9 天）')).toBeTruthy()
  expect(screen.getByText('提交后可以随时在“衔接”里查看审批进度。')).toBeTruthy()
  // Answered: a later login does not come back here.
  expect(peekReturn()).toBeNull()
  fireEvent.click(screen.getByText('开始办理'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.questionnaire)
  expect(screen.queryByText('查看我的接转')).toBeNull()
  // No subscription consent in a browser.
  expect(screen.queryByText('订阅进度提醒')).toBeNull()
})

test('a passed deadline says so', async () => {
  loggedIn()
  mocked.openReminder!.mockResolvedValue(landing({ deadline: { startedBy: '2026-08-31', daysLeft: -83 } }))
  render(<ReminderPage />)
  expect(await screen.findByText('2026-08-31（已过 83 天）')).toBeTruthy()
})

test('started: where it stands and one tap to the transfer', async () => {
  loggedIn()
  mocked.openReminder!.mockResolvedValue(landing({
    status: 'in-progress',
    transfer: { id: 't-1', status: 'pending-outgoing', path: 'standard', targetOrgName: '研发中心团支部' },
    steps: ['等待学院团委审批。'],
  }))
  render(<ReminderPage />)
  expect(await screen.findByText('你的团组织关系转接正在办理中。')).toBeTruthy()
  expect(screen.getByText('研发中心团支部')).toBeTruthy()
  expect(screen.getByText(/待转出组织审批/)).toBeTruthy()
  fireEvent.click(screen.getByText('查看我的接转'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.transfer)
  expect(screen.queryByText('开始办理')).toBeNull()
})

test('completed says so', async () => {
  loggedIn()
  mocked.openReminder!.mockResolvedValue(landing({
    status: 'completed', steps: [],
    transfer: { id: 't-1', status: 'completed', path: 'standard', targetOrgName: '研发中心团支部' },
  }))
  render(<ReminderPage />)
  expect(await screen.findByText('你的团组织关系转接已经办结。')).toBeTruthy()
})

test('an expired link is a clear message with a way to go on', async () => {
  loggedIn()
  mocked.openReminder!.mockRejectedValue(apiError(410, 'REMINDER_EXPIRED', '提醒链接已过期，请联系辅导员重新发送，或直接打开“衔接”办理'))
  render(<ReminderPage />)
  expect(await screen.findByText('提醒链接已过期，请联系辅导员重新发送，或直接打开“衔接”办理')).toBeTruthy()
  expect(screen.getAllByRole('alert')).toHaveLength(1)
  expect(peekReturn()).toBeNull()
  fireEvent.click(screen.getByText('直接去办理'))
  expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.home)
})

test("someone else's link (or a dead one): one neutral message, and a way to log in with the right account", async () => {
  loggedIn()
  mocked.openReminder!.mockRejectedValue(apiError(404, 'REMINDER_NOT_FOUND', '提醒链接不存在，请确认是否使用本人账号登录'))
  render(<ReminderPage />)
  // The API cannot tell a stranger's link from a mistyped one: the message blames neither the account nor the person.
  expect(await screen.findByText('这个提醒链接已失效，或不是发给你的。请确认用本人账号登录，或直接在首页办理。')).toBeTruthy()
  expect(screen.queryByText(/当前账号|张伟/)).toBeNull()
  expect(screen.queryByText('提醒链接不存在，请确认是否使用本人账号登录')).toBeNull()
  expect(screen.getAllByRole('alert')).toHaveLength(1)
  fireEvent.click(screen.getByText('换本人账号登录'))
  expect(mocked.logout).toHaveBeenCalled()
  expect(peekReturn()).toEqual({ route: ROUTES.reminder, query: { token: TOKEN } })
  expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.login)
})

test('an expired session goes to login and comes back to the link', async () => {
  loggedIn()
  mocked.openReminder!.mockRejectedValue(apiError(401, 'UNAUTHORIZED', '请重新登录'))
  render(<ReminderPage />)
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.login))
  expect(peekReturn()).toEqual({ route: ROUTES.reminder, query: { token: TOKEN } })
})

test('a network failure can be retried', async () => {
  loggedIn()
  markPasswordChanged()
  mocked.openReminder!.mockRejectedValueOnce(networkError()).mockResolvedValueOnce(landing())
  render(<ReminderPage />)
  expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('张伟同学，你好')).toBeTruthy()
  expect(mocked.openReminder).toHaveBeenCalledTimes(2)
})

test('a link without its token says what to do', () => {
  params.mockReturnValue({})
  render(<ReminderPage />)
  expect(screen.getByText('链接不完整，请让辅导员重新发送，或直接在首页办理。')).toBeTruthy()
  expect(nav.relaunch).not.toHaveBeenCalled()
})

test('a scanned 小程序码 opens by its short code (scene), and comes back to it after login', async () => {
  params.mockReturnValue({ scene: 'Ab3_Cd4-Ef5Gh6Ij7Kl8Mn9O' })
  render(<ReminderPage />)
  expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.login)
  expect(peekReturn()).toEqual({ route: ROUTES.reminder, query: { scene: 'Ab3_Cd4-Ef5Gh6Ij7Kl8Mn9O' } })
  loggedIn()
  mocked.openReminderCode!.mockResolvedValue(landing())
  render(<ReminderPage />)
  expect(await screen.findByText('张伟同学，你好')).toBeTruthy()
  expect(mocked.openReminderCode).toHaveBeenCalledWith('Ab3_Cd4-Ef5Gh6Ij7Kl8Mn9O')
  expect(mocked.openReminder).not.toHaveBeenCalled()
  // Logged in already: nothing on the page asks them to log in.
  expect(screen.queryByText(/登录/)).toBeNull()
})
