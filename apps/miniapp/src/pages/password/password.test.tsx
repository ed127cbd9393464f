import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { api } from '../../api'
import { nav, ROUTES } from '../../nav'
import { apiError } from '../../../test/fixtures'
import PasswordPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } })

beforeEach(() => jest.clearAllMocks())

function fill(oldP: string, newP: string, repeat: string) {
  type('当前密码', oldP)
  type('新密码', newP)
  type('再次输入新密码', repeat)
  fireEvent.click(screen.getByText('确认修改'))
}

test('the two new passwords must match', () => {
  render(<PasswordPage />)
  fill('20315011', 'newpass-2025', 'newpass-2026')
  expect(screen.getByText('两次输入的新密码不一致。')).toBeTruthy()
  expect(mocked.changePassword).not.toHaveBeenCalled()
})

test('all three are needed', () => {
  render(<PasswordPage />)
  fill('', 'a', 'a')
  expect(screen.getByText('请填写全部三项。')).toBeTruthy()
})

test('changes the password and goes home', async () => {
  mocked.changePassword!.mockResolvedValue(undefined)
  render(<PasswordPage />)
  fill('20315011', 'newpass-2025', 'newpass-2025')
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.home))
  expect(mocked.changePassword).toHaveBeenCalledWith('20315011', 'newpass-2025')
})

test('shows the API message (and a field message) and keeps the input', async () => {
  mocked.changePassword!.mockRejectedValue(
    apiError(400, 'VALIDATION_FAILED', '输入有误', [{ field: 'newPassword', message: '新密码至少8位' }]),
  )
  render(<PasswordPage />)
  fill('20315011', 'Tz#river-2026', 'Tz#river-2026')
  expect(await screen.findByText('输入有误')).toBeTruthy()
  expect(screen.getByText('新密码至少8位')).toBeTruthy()
  expect((screen.getByLabelText('新密码') as HTMLInputElement).value).toBe('Tz#river-2026')
  expect(nav.relaunch).not.toHaveBeenCalled()
})

test('after the change, a graduate who came from a reminder link goes back to it', async () => {
  const { rememberReturn, peekReturn } = require('../../store/return-to') as typeof import('../../store/return-to')
  rememberReturn({ route: ROUTES.reminder, query: { token: 'tok-123' } })
  mocked.changePassword!.mockResolvedValue(undefined)
  render(<PasswordPage />)
  fill('20315011', 'newpass-2025', 'newpass-2025')
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.reminder, { token: 'tok-123' }))
  expect(peekReturn()).toBeNull()
})

test('shows the password rule before any attempt, and hides it behind the first problem', () => {
  render(<PasswordPage />)
  expect(screen.getByText(/至少包含大写字母、小写字母、数字、符号中的三种/)).toBeTruthy()
  fill('20315011', 'Password1', 'Password1')
  expect(screen.getByText('新密码过于常见或取自身份证号，容易被猜中，请换一个')).toBeTruthy()
  expect(screen.queryByText(/至少包含大写字母、小写字母、数字、符号中的三种/)).toBeNull()
  expect(mocked.changePassword).not.toHaveBeenCalled()
})

test('refuses a short password on the phone, with the same words as the server', () => {
  render(<PasswordPage />)
  fill('20315011', 'short', 'short')
  expect(screen.getByText('新密码长度应为 8–64 位')).toBeTruthy()
  expect(mocked.changePassword).not.toHaveBeenCalled()
})
