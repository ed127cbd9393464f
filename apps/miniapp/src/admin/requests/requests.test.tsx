import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { RequestView } from '@xianjie/contract'
import { api } from '../../api'
import { apiError } from '../../../test/fixtures'
import RequestsPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>

function req(partial: Partial<RequestView> & Pick<RequestView, 'id' | 'kind'>): RequestView {
  return {
    subjectId: 's-1', subjectName: '某某', deciderOrgId: 'city', payload: {}, reason: '理由', status: 'pending',
    createdById: 'a-9', createdAt: '2026-11-30T02:00:00Z', decidedById: null, decidedAt: null, decisionComment: null,
    stage: null, forwardedById: null, forwardedAt: null, forwardComment: null, deciderOrgName: '武汉市团委',
    subjectFullName: null, case: null, trail: [], ...partial,
  }
}

const township = req({
  id: 'q-1', kind: 'township-correction', subjectName: '关山街道团工委',
  subjectFullName: '共青团湖北省委 武汉市团委 洪山区团委 关山街道团工委', case: 'wrongly-not-flagged', reason: '关山街道是街道办事处',
  trail: [{ fromOrgId: 'hongshan', fromOrgName: '洪山区团委', toOrgId: 'city', toOrgName: '武汉市团委', byId: 'a-8', at: '2026-12-01T02:00:00Z', comment: '情况属实' }],
})
const deletion = req({ id: 'q-2', kind: 'record-deletion', subjectName: '张三', reason: '误录为团员' })
const card = (text: string) => screen.getByText(text).closest('.request-item') as HTMLElement

beforeEach(() => {
  jest.clearAllMocks()
  mocked.requests!.mockResolvedValue([township, deletion])
})

test('lists what waits for my org: kind, the org in full, case, reason, who passed it on', async () => {
  render(<RequestsPage />)
  expect(await screen.findByText('共青团湖北省委 武汉市团委 洪山区团委 关山街道团工委')).toBeTruthy()
  expect(mocked.requests).toHaveBeenCalledWith({ box: 'waiting' })
  expect(screen.getByText('乡镇街道团委标识更正')).toBeTruthy()
  expect(screen.getByText('应标未标为乡镇街道团委')).toBeTruthy()
  expect(screen.getByText(/洪山区团委 → 武汉市团委（2026-12-01 .*）：情况属实/)).toBeTruthy()
  expect(screen.getByText('删除团员信息')).toBeTruthy()
  // Only a township correction travels up.
  expect(within(card('张三')).queryByText('上报上一级')).toBeNull()
})

test('上报上一级 and 同意 call the API and each item leaves with a result line', async () => {
  mocked.decideRequest!.mockImplementation(async (id: string) => ({ ...(id === 'q-1' ? township : deletion), status: 'approved' }))
  render(<RequestsPage />)
  await screen.findByText('张三')
  const first = card('共青团湖北省委 武汉市团委 洪山区团委 关山街道团工委')
  fireEvent.input(within(first).getByLabelText('意见（选填）'), { target: { value: '请省团委定夺' } })
  fireEvent.click(within(first).getByText('上报上一级'))
  expect(await screen.findByText('已上报：乡镇街道团委标识更正 · 共青团湖北省委 武汉市团委 洪山区团委 关山街道团工委')).toBeTruthy()
  expect(mocked.decideRequest).toHaveBeenCalledWith('q-1', 'forward', '请省团委定夺')
  expect(screen.queryByText('上报上一级')).toBeNull()
  fireEvent.click(within(card('张三')).getByText('同意'))
  expect(await screen.findByText('已同意：删除团员信息 · 张三')).toBeTruthy()
  expect(mocked.decideRequest).toHaveBeenCalledWith('q-2', 'approve', undefined)
  await waitFor(() => expect(document.querySelector('.request-item')).toBeNull())
  expect(screen.getByText('没有等待本组织处理的请求。')).toBeTruthy()
})

test('a refused action keeps the item and shows the API\'s message', async () => {
  mocked.decideRequest!.mockRejectedValue(apiError(409, 'REQUEST_CLOSED', '该申请已处理，不能重复处理'))
  render(<RequestsPage />)
  await screen.findByText('张三')
  fireEvent.click(within(card('张三')).getByText('驳回'))
  expect(await screen.findByText('该申请已处理，不能重复处理')).toBeTruthy()
  expect(screen.getByText('张三')).toBeTruthy()
  expect(mocked.decideRequest).toHaveBeenCalledWith('q-2', 'reject', undefined)
})
