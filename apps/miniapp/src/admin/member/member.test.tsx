import { fireEvent, render, screen } from '@testing-library/react'
import type { MemberCard } from '@xianjie/contract'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { apiError, transfer } from '../../../test/fixtures'
import MemberPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const card = (partial: Partial<MemberCard> = {}): MemberCard => ({
  id: 'm-1', name: '李明', idNumberMasked: '420111********0011', phone: '13800000001', phoneMasked: false, orgId: 'b-1', orgName: '计算机2201班团支部',
  graduationYear: 2026, isGraduate: true, place: 'branch', graduatingOrgId: 'b-1', ...partial,
})

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({ id: 'm-1' })
})

test('the member and every transfer, newest first as the API gives them; each opens its detail', async () => {
  mocked.member!.mockResolvedValue(card())
  mocked.memberTransfers!.mockResolvedValue([
    transfer({ id: 't-2', status: 'pending-incoming', targetOrgName: '东风智造研发中心团支部', createdAt: '2026-07-02T02:00:00Z' }),
    transfer({ id: 't-1', status: 'rejected', targetOrgName: '旧单位团支部', createdAt: '2026-06-10T02:00:00Z', closedAt: '2026-06-12T02:00:00Z' }),
  ])
  render(<MemberPage />)
  expect(await screen.findByText('接转记录（2）')).toBeTruthy()
  expect(mocked.member).toHaveBeenCalledWith('m-1')
  expect(mocked.memberTransfers).toHaveBeenCalledWith('m-1')
  expect(screen.getByText('计算机2201班团支部')).toBeTruthy()
  expect(screen.getByText('13800000001')).toBeTruthy()
  const rows = document.querySelectorAll('.member-transfer')
  expect(Array.from(rows, (r) => r.querySelector('.list-item-title')?.textContent)).toEqual([
    expect.stringContaining('东风智造研发中心团支部'), expect.stringContaining('旧单位团支部'),
  ])
  expect(screen.getByText(/^2026-06-12 \d\d:\d\d 结束$/)).toBeTruthy()
  fireEvent.click(rows[1]!)
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminDetail, { id: 't-1' })
})

test('over the branch they graduated from only: the phone masked, with why, and no call button', async () => {
  mocked.member!.mockResolvedValue(card({ phone: '138****0001', phoneMasked: true }))
  mocked.memberTransfers!.mockResolvedValue([])
  render(<MemberPage />)
  expect(await screen.findByText('还没有接转记录。')).toBeTruthy()
  expect(screen.getByText('138****0001')).toBeTruthy()
  expect(screen.getByText(/完整手机号仅其当前所在团支部的管理员和辅导员可见/)).toBeTruthy()
  expect(screen.queryByText('拨打')).toBeNull()
})

test('someone outside the caller\'s subtree: the API\'s answer, nothing else', async () => {
  mocked.member!.mockRejectedValue(apiError(404, 'NOT_FOUND', '该团员不存在或不在你的管理范围内'))
  mocked.memberTransfers!.mockResolvedValue([])
  render(<MemberPage />)
  expect(await screen.findByText('该团员不存在或不在你的管理范围内')).toBeTruthy()
  expect(screen.queryByText(/接转记录/)).toBeNull()
})
