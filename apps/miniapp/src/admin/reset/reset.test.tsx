import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { api } from '../../api'
import { apiError } from '../../../test/fixtures'
import ResetPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>
const row = (id: string, name: string) => ({
  id, name, idNumberMasked: '420***********0033', phone: '138****0003', phoneMasked: true,
  orgId: 'b-2201', orgName: '计算机2201班团支部', graduationYear: 2026,
})

beforeEach(() => {
  jest.clearAllMocks()
  mocked.members!.mockImplementation(async (p: { q?: string }) =>
    [row('m-3', '张伟'), row('m-4', '赵磊')].filter((m) => !p.q || m.name.includes(p.q)))
})

test('finds the member, confirms, resets, and says what to tell them', async () => {
  mocked.resetPassword!.mockResolvedValue(undefined)
  render(<ResetPage />)
  expect(await screen.findByText('赵磊')).toBeTruthy()
  fireEvent.input(screen.getByLabelText('输入团员姓名'), { target: { value: '张' } })
  fireEvent.click(screen.getByText('查找'))
  await waitFor(() => expect(screen.queryByText('赵磊')).toBeNull())
  expect(mocked.members).toHaveBeenLastCalledWith({ q: '张' })
  const card = screen.getByText('张伟').closest('.reset-row') as HTMLElement
  fireEvent.click(within(card).getByText('重置密码'))
  expect(screen.getByText('为 张伟 重置密码？')).toBeTruthy()
  expect(mocked.resetPassword).not.toHaveBeenCalled()
  fireEvent.click(screen.getByText('确认重置'))
  await waitFor(() => expect(mocked.resetPassword).toHaveBeenCalledWith('m-3'))
  expect(await screen.findByText('已重置 张伟 的密码')).toBeTruthy()
  expect(screen.getByText('用本人身份证号（420***********0033）登录；')).toBeTruthy()
  expect(screen.getByText('初始密码是身份证号后 8 位，末位是 X 的输入大写 X；')).toBeTruthy()
  expect(screen.getByText(/登录后须立即设置新密码/)).toBeTruthy()
  fireEvent.click(screen.getByText('再重置一位'))
  expect(await screen.findByText('张伟')).toBeTruthy()
})

test('cancel leaves the password alone; a refusal shows the API message in place', async () => {
  mocked.resetPassword!.mockRejectedValue(apiError(403, 'FORBIDDEN', '只能重置你管理的团员的密码'))
  render(<ResetPage />)
  const card = (await screen.findByText('赵磊')).closest('.reset-row') as HTMLElement
  fireEvent.click(within(card).getByText('重置密码'))
  fireEvent.click(screen.getByText('取消'))
  expect(screen.queryByText('为 赵磊 重置密码？')).toBeNull()
  fireEvent.click(within(card).getByText('重置密码'))
  fireEvent.click(screen.getByText('确认重置'))
  expect(await within(card).findByText('只能重置你管理的团员的密码')).toBeTruthy()
  expect(screen.queryByText(/已重置/)).toBeNull()
})

test('nobody found says where it looked', async () => {
  mocked.members!.mockResolvedValue([])
  render(<ResetPage />)
  expect(await screen.findByText('没有找到这名团员（只能查找你管理的团组织里的团员）。')).toBeTruthy()
})

test('a list at the API\'s cap says to search by name, and a search that finds fewer does not', async () => {
  mocked.members!.mockImplementation(async (p: { q?: string }) =>
    (p.q ? [row('m-3', '张伟')] : Array.from({ length: 200 }, (_, i) => row(`m-${i}`, `团员${i}`))))
  render(<ResetPage />)
  expect(await screen.findByText('只列出前 200 人：请输入姓名缩小范围。')).toBeTruthy()
  fireEvent.input(screen.getByLabelText('输入团员姓名'), { target: { value: '张伟' } })
  fireEvent.click(screen.getByText('查找'))
  await waitFor(() => expect(screen.queryByText(/只列出前/)).toBeNull())
  expect(screen.getByText('张伟')).toBeTruthy()
})
