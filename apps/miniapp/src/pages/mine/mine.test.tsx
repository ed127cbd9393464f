import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { api } from '../../api'
import { PRIVACY_KEY } from '../../components/PrivacySheet'
import { apiError, collegeAdmin, graduate } from '../../../test/fixtures'
import MinePage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })
const tap = (text: string) => fireEvent.click(screen.getByText(text))

beforeEach(() => {
  jest.clearAllMocks()
  Taro.setStorageSync(PRIVACY_KEY, 'agreed')
  mocked.me!.mockResolvedValue(graduate)
})

test('我的: change one\'s own mobile, checked on the phone first, saved by the API', async () => {
  mocked.changePhone!.mockResolvedValue({ phone: '13900000077' })
  render(<MinePage />)
  expect(await screen.findByText(graduate.phone)).toBeTruthy()
  tap('修改手机号')
  type('新手机号', '123')
  tap('保存')
  expect(screen.getByText('手机号格式不正确。')).toBeTruthy()
  expect(mocked.changePhone).not.toHaveBeenCalled()
  type('新手机号', '13900000077')
  tap('保存')
  expect(await screen.findByText('手机号已修改。')).toBeTruthy()
  expect(mocked.changePhone).toHaveBeenCalledWith('13900000077')
  expect(screen.getByText('13900000077')).toBeTruthy()
})

test('a failed load of 我的 offers 重试, which shows who I am', async () => {
  mocked.me!.mockRejectedValueOnce(apiError(500, 'INTERNAL', '服务暂时不可用，请稍后重试')).mockResolvedValue(graduate)
  render(<MinePage />)
  expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy()
  tap('重试')
  expect(await screen.findByText(graduate.phone)).toBeTruthy()
  expect(screen.queryByText('服务暂时不可用，请稍后重试')).toBeNull()
})

test('a number someone else has: the API\'s message, the typed number kept', async () => {
  mocked.changePhone!.mockRejectedValue(apiError(409, 'PHONE_TAKEN', '该手机号已被其他账号使用：一人一号，请换一个手机号'))
  render(<MinePage />)
  await screen.findByText(graduate.phone)
  tap('修改手机号')
  type('新手机号', '13900000078')
  tap('保存')
  expect(await screen.findByText(/一人一号/)).toBeTruthy()
  expect((screen.getByLabelText('新手机号') as HTMLInputElement).value).toBe('13900000078')
  await waitFor(() => expect(screen.getByText(graduate.phone)).toBeTruthy())
})

test('the privacy notice shows once on a device, until agreed', async () => {
  Taro.removeStorageSync(PRIVACY_KEY)
  const first = render(<MinePage />)
  expect(await screen.findByText('隐私保护提示')).toBeTruthy()
  expect(screen.getByText('谁能看到')).toBeTruthy()
  tap('同意并继续')
  expect(screen.queryByText('隐私保护提示')).toBeNull()
  first.unmount()
  render(<MinePage />)
  await screen.findByText(graduate.phone)
  expect(screen.queryByText('隐私保护提示')).toBeNull()
})

const abroad = { ...graduate, abroadReport: { intervalMonths: 6, lastReportAt: null, lastNote: null, dueAt: '2026-11-01T02:00:00Z', overdue: true } }

test('定期报告: a member abroad sees it overdue, sends a note and sees when the next one is due', async () => {
  mocked.me!.mockResolvedValue(abroad)
  mocked.abroadReport!.mockResolvedValue({
    id: 'r-1', at: '2026-12-02T02:00:00Z', note: '在墨尔本大学读研，一切正常', intervalMonths: 6,
    lastReportAt: '2026-12-02T02:00:00Z', lastNote: '在墨尔本大学读研，一切正常', dueAt: '2027-06-02T02:00:00Z', overdue: false,
  })
  render(<MinePage />)
  expect(await screen.findByText('定期报告')).toBeTruthy()
  expect(screen.getByText('还没有报告过')).toBeTruthy()
  expect(screen.getByText('已逾期，请尽快报告。')).toBeTruthy()
  type('近况说明', '正常')
  tap('提交报告')
  expect(screen.getByText('请至少写 4 个字。')).toBeTruthy()
  expect(mocked.abroadReport).not.toHaveBeenCalled()
  type('近况说明', '在墨尔本大学读研，一切正常')
  tap('提交报告')
  expect(await screen.findByText('报告已提交。')).toBeTruthy()
  expect(mocked.abroadReport).toHaveBeenCalledWith('在墨尔本大学读研，一切正常')
  // How often, as a line of the card like the dates above it.
  const often = screen.getByText('每 6 个月一次')
  expect(often.closest('.row')?.textContent).toBe('报告频率每 6 个月一次')
  expect(screen.getByText(/^2027-06-0[12] /)).toBeTruthy()
  expect(screen.queryByText('已逾期，请尽快报告。')).toBeNull()
  expect(screen.queryByText('还没有报告过')).toBeNull()
})

test('定期报告 refused after all (the stay ended meanwhile): the API\'s message', async () => {
  mocked.me!.mockResolvedValue(abroad)
  mocked.abroadReport!.mockRejectedValue(apiError(409, 'NOT_KEPT_ABROAD', '只有保留在学校出国(境)学习研究团员团支部的团员需要定期报告'))
  render(<MinePage />)
  await screen.findByText('定期报告')
  type('近况说明', '在国外读书')
  tap('提交报告')
  expect(await screen.findByText(/只有保留在学校出国\(境\)/)).toBeTruthy()
  expect(screen.queryByText('报告已提交。')).toBeNull()
})

test('no 定期报告 card for a member who is not kept abroad, nor for an admin', async () => {
  render(<MinePage />)
  await screen.findByText(graduate.phone)
  expect(screen.queryByText('定期报告')).toBeNull()
  mocked.me!.mockResolvedValue(collegeAdmin)
  render(<MinePage />)
  await screen.findByText(collegeAdmin.phone)
  expect(screen.queryByText('定期报告')).toBeNull()
})
