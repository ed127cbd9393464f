import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { makeIdNumber } from '@xianjie/rules'
import { api, clearSession } from '../../api'
import { nav, ROUTES } from '../../nav'
import { apiError, networkError } from '../../../test/fixtures'
import LoginPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const ID = makeIdNumber('420102', '20020315', '011')

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } })

beforeEach(() => {
  jest.clearAllMocks()
  clearSession()
})

test('shows the first-password hint', () => {
  render(<LoginPage />)
  expect(screen.getByText('初始密码为身份证号后8位，首次登录后须修改密码。')).toBeTruthy()
})

test('refuses a malformed ID number without calling the API', () => {
  render(<LoginPage />)
  type('身份证号', '42010220020315001')
  type('密码', '20315011')
  fireEvent.click(screen.getByText('登录'))
  expect(screen.getByText(/身份证号格式不正确/)).toBeTruthy()
  expect(mocked.login).not.toHaveBeenCalled()
})

test('an empty ID number is asked for, not called malformed', () => {
  render(<LoginPage />)
  type('密码', '20315011')
  fireEvent.click(screen.getByText('登录'))
  expect(screen.getByText('请输入身份证号。')).toBeTruthy()
  expect(screen.queryByText(/身份证号格式不正确/)).toBeNull()
  expect(mocked.login).not.toHaveBeenCalled()
})

test('asks for the password', () => {
  render(<LoginPage />)
  type('身份证号', ID)
  fireEvent.click(screen.getByText('登录'))
  expect(screen.getByText('请输入密码。')).toBeTruthy()
})

test('a first login goes to the password change', async () => {
  mocked.login!.mockResolvedValue({ token: 't', mustChangePassword: true, user: { id: 'm-1', name: '李明', roles: [] } })
  render(<LoginPage />)
  type('身份证号', ID.slice(0, 17) + ID[17]!.toLowerCase())
  type('密码', ID.slice(-8))
  fireEvent.click(screen.getByText('登录'))
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.password))
  expect(mocked.login).toHaveBeenCalledWith(ID, ID.slice(-8))
})

test('a later login goes home', async () => {
  mocked.login!.mockResolvedValue({ token: 't', mustChangePassword: false, user: { id: 'm-1', name: '李明', roles: [] } })
  render(<LoginPage />)
  type('身份证号', ID)
  type('密码', 'secret-123')
  fireEvent.click(screen.getByText('登录'))
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.home))
})

test('shows the API message and keeps what was typed', async () => {
  mocked.login!.mockRejectedValue(apiError(401, 'INVALID_CREDENTIALS', '身份证号或密码不正确'))
  render(<LoginPage />)
  type('身份证号', ID)
  type('密码', 'wrong')
  fireEvent.click(screen.getByText('登录'))
  expect(await screen.findByText('身份证号或密码不正确')).toBeTruthy()
  expect((screen.getByLabelText('身份证号') as HTMLInputElement).value).toBe(ID)
  expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('wrong')
  expect(nav.relaunch).not.toHaveBeenCalled()
})

test('a network failure says so', async () => {
  mocked.login!.mockRejectedValue(networkError())
  render(<LoginPage />)
  type('身份证号', ID)
  type('密码', 'x')
  fireEvent.click(screen.getByText('登录'))
  expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
  // A form: what was typed stays, and the page says so.
  expect(screen.getByText(/已填写的内容不会丢失/)).toBeTruthy()
  expect((screen.getByLabelText('身份证号') as HTMLInputElement).value).toBe(ID)
})

test('a reminder link opened before logging in: says why, and returns to it after login', async () => {
  const { rememberReturn, peekReturn } = require('../../store/return-to') as typeof import('../../store/return-to')
  rememberReturn({ route: ROUTES.reminder, query: { token: 'tok-123' } })
  mocked.login!.mockResolvedValue({ token: 't', mustChangePassword: false, user: { id: 'm-1', name: '李明', roles: [] } })
  render(<LoginPage />)
  expect(screen.getByText('你打开的是一条转接提醒，请先用本人身份证号登录，登录后会回到这里。')).toBeTruthy()
  type('身份证号', ID)
  type('密码', 'secret-123')
  fireEvent.click(screen.getByText('登录'))
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.reminder, { token: 'tok-123' }))
  expect(peekReturn()).toBeNull()
})

test('a session that expired on a page: says so, and returns there after login', async () => {
  const { rememberReturn, peekReturn } = require('../../store/return-to') as typeof import('../../store/return-to')
  rememberReturn({ route: ROUTES.apply, query: {}, expired: true })
  mocked.login!.mockResolvedValue({ token: 't', mustChangePassword: false, user: { id: 'm-1', name: '李明', roles: [] } })
  render(<LoginPage />)
  expect(screen.getByText('登录已过期，请重新登录。登录后回到刚才的页面。')).toBeTruthy()
  type('身份证号', ID)
  type('密码', 'secret-123')
  fireEvent.click(screen.getByText('登录'))
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.apply, {}))
  expect(peekReturn()).toBeNull()
})

test('with a first password to change, the reminder waits until after the change', async () => {
  const { rememberReturn, peekReturn } = require('../../store/return-to') as typeof import('../../store/return-to')
  rememberReturn({ route: ROUTES.reminder, query: { token: 'tok-123' } })
  mocked.login!.mockResolvedValue({ token: 't', mustChangePassword: true, user: { id: 'm-1', name: '李明', roles: [] } })
  render(<LoginPage />)
  type('身份证号', ID)
  type('密码', ID.slice(-8))
  fireEvent.click(screen.getByText('登录'))
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.password))
  expect(peekReturn()).toEqual({ route: ROUTES.reminder, query: { token: 'tok-123' } })
})

test('忘记密码 says how a reset works, then — for the ID number with its own name — names whom to ask', async () => {
  mocked.forgotPassword!.mockResolvedValue({
    howItWorks: 'server text',
    contacts: [{ name: '许同学', phoneMasked: '139****0005', orgName: '计算机2201班团支部' }],
  })
  render(<LoginPage />)
  fireEvent.click(screen.getByText('忘记密码'))
  expect(screen.getByText(/由所在团支部书记（或上级团组织管理员）在系统中为你重置/)).toBeTruthy()
  expect(screen.getByText(/输入本人身份证号，再填写本人姓名/)).toBeTruthy()
  type('身份证号', ID.slice(0, 17))
  expect(screen.queryByLabelText('本人姓名')).toBeNull()
  type('身份证号', ID)
  // No lookup by ID number alone: the name, then a tap.
  fireEvent.click(screen.getByText('查询可以联系的人'))
  expect(mocked.forgotPassword).not.toHaveBeenCalled()
  type('本人姓名', ' 李明 ')
  fireEvent.click(screen.getByText('查询可以联系的人'))
  expect(await screen.findByText('许同学（计算机2201班团支部）139****0005')).toBeTruthy()
  fireEvent.click(screen.getByText('查询可以联系的人'))
  expect(mocked.forgotPassword).toHaveBeenCalledTimes(1)
  expect(mocked.forgotPassword).toHaveBeenCalledWith(ID, '李明')
})

test('忘记密码 shows the limit message when lookups are refused', async () => {
  mocked.forgotPassword!.mockRejectedValue(apiError(429, 'TOO_MANY_ATTEMPTS', '查询过于频繁，请 10 分钟后再试'))
  render(<LoginPage />)
  type('身份证号', ID)
  fireEvent.click(screen.getByText('忘记密码'))
  type('本人姓名', '李明')
  fireEvent.click(screen.getByText('查询可以联系的人'))
  expect(await screen.findByText('查询过于频繁，请 10 分钟后再试')).toBeTruthy()
})
