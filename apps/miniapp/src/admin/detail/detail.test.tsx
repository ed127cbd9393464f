import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { REJECT_REASON_MAX } from '@xianjie/contract'
import { api } from '../../api'
import { useParams } from '../../nav'
import { apiError, application, org, transfer } from '../../../test/fixtures'
import DetailPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

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

test('approve with an optional comment', async () => {
  mocked.transfer!.mockResolvedValue(transfer({ allowedActions: ['approve', 'reject'] }))
  mocked.approve!.mockResolvedValue(transfer({ status: 'pending-incoming', allowedActions: [] }))
  render(<DetailPage />)
  await screen.findByText('同意')
  fireEvent.input(screen.getByLabelText('审批意见（选填）'), { target: { value: '材料齐全' } })
  tap('同意')
  await waitFor(() => expect(mocked.approve).toHaveBeenCalledWith('t-1', '材料齐全'))
  expect(await screen.findByText('已处理')).toBeTruthy()
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
  expect((screen.getByLabelText('不同意的原因（必填）') as HTMLInputElement).value).toBe('单位名称有误')
})

test('the receiving admin accepts', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ id: 't-1', box: 'incoming' })
  mocked.transfer!.mockResolvedValue(transfer({ status: 'pending-incoming', allowedActions: ['approve', 'reject'] }))
  mocked.approve!.mockResolvedValue(transfer({ status: 'completed', allowedActions: [] }))
  render(<DetailPage />)
  tap(await screen.findByText('同意接收').then(() => '同意接收'))
  await waitFor(() => expect(mocked.approve).toHaveBeenCalledWith('t-1', undefined))
})

test('assign a branch when the receiver is not one', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ id: 't-1', box: 'incoming' })
  mocked.transfer!.mockResolvedValue(transfer({
    status: 'pending-assignment', receiverIsBranch: false, targetOrgId: 'e-1', targetOrgName: '光谷科技有限公司团委',
    allowedActions: ['assign'],
  }))
  mocked.orgs!.mockResolvedValue([
    org({ id: 'e-b1', name: '研发部团支部', kind: 'branch', parentId: 'e-1' }),
    org({ id: 'e-gb', name: '生产团总支', kind: 'general-branch', parentId: 'e-1', hasChildren: true }),
  ])
  mocked.assign!.mockResolvedValue(transfer({ status: 'completed', allowedActions: [] }))
  render(<DetailPage />)
  tap(await screen.findByText('分配到团支部').then(() => '分配到团支部'))
  const row = (await screen.findByText('研发部团支部')).closest('.org-row') as HTMLElement
  expect(mocked.orgs).toHaveBeenCalledWith({ parentId: 'e-1' })
  expect(within(screen.getByText('生产团总支').closest('.org-row') as HTMLElement).queryByText('选这个')).toBeNull()
  fireEvent.click(within(row).getByText('选这个'))
  await waitFor(() => expect(mocked.assign).toHaveBeenCalledWith('t-1', 'e-b1'))
})

test('a transfer that cannot be loaded shows why', async () => {
  mocked.transfer!.mockRejectedValue(apiError(404, 'NOT_FOUND', '没有找到这笔业务'))
  render(<DetailPage />)
  expect(await screen.findByText('没有找到这笔业务')).toBeTruthy()
})
