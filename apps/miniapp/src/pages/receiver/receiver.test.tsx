import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { api } from '../../api'
import { nav, ROUTES } from '../../nav'
import { draftStore } from '../../store/draft'
import { apiError, org } from '../../../test/fixtures'
import ReceiverPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const national = org({ id: 'cyl', name: '共青团中央', kind: 'leading-organ', domain: 'government', province: 'beijing', hasChildren: true })
const hubei = org({ id: 'hb', name: '共青团湖北省委', kind: 'leading-organ', domain: 'government', hasChildren: true, parentId: 'cyl' })
const beijing = org({ id: 'bj', name: '共青团北京市委', kind: 'leading-organ', domain: 'government', province: 'beijing', hasChildren: true, parentId: 'cyl' })
const company = org({
  id: 'e-1', name: '光谷科技有限公司团委', kind: 'committee', domain: 'enterprise', parentId: 'hb', hasChildren: true,
  path: [{ id: 'cyl', name: '共青团中央' }, { id: 'hb', name: '共青团湖北省委' }, { id: 'e-1', name: '光谷科技有限公司团委' }],
})
const township = org({ id: 'tw', name: '关山街道团工委', kind: 'working-committee', domain: 'township', isTownship: true, parentId: 'hb' })

beforeEach(() => {
  jest.clearAllMocks()
  draftStore.reset()
  draftStore.update({ answers: { destination: 'employed', isLeagueMember: true, inSystem: true, employerHasLeagueOrg: true, receiverRegion: 'other' } })
  mocked.orgs!.mockImplementation(async ({ parentId, q }: { parentId?: string; q?: string }) => {
    if (q) return [company, township]
    if (!parentId) return [national]
    if (parentId === 'cyl') return [hubei, beijing]
    if (parentId === 'hb') return [company, township]
    return []
  })
})

const row = (name: string) => screen.getByText(name).closest('.org-row') as HTMLElement

test('drills down from the provinces; only fitting orgs can be picked', async () => {
  render(<ReceiverPage />)
  expect(await screen.findByText('共青团湖北省委')).toBeTruthy()
  fireEvent.click(within(row('共青团湖北省委')).getByText(/下一级/))
  expect(await screen.findByText('光谷科技有限公司团委')).toBeTruthy()
  // the township org does not fit an employer with its own org: no pick button, a reason
  expect(within(row('关山街道团工委')).queryByText('选这个')).toBeNull()
  expect(within(row('关山街道团工委')).getByText(/乡镇（街道）团组织不是工作单位的团组织/)).toBeTruthy()
  fireEvent.click(within(row('光谷科技有限公司团委')).getByText('选这个'))
  expect(draftStore.get().receiver).toEqual(expect.objectContaining({ orgId: 'e-1', orgName: '光谷科技有限公司团委' }))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.apply)
})

test('search hits show their path', async () => {
  render(<ReceiverPage />)
  await screen.findByText('共青团湖北省委')
  fireEvent.input(screen.getByLabelText('输入组织名称搜索'), { target: { value: '光谷' } })
  fireEvent.click(screen.getByText('搜索'))
  expect(await screen.findByText('共青团中央 / 共青团湖北省委')).toBeTruthy()
  expect(mocked.orgs).toHaveBeenCalledWith({ q: '光谷' })
})

test('a separate-system province switches to the cross-system explanation', async () => {
  render(<ReceiverPage />)
  await screen.findByText('共青团北京市委')
  expect(within(row('共青团北京市委')).getByText('独立系统')).toBeTruthy()
  fireEvent.click(within(row('共青团北京市委')).getByText(/共青团北京市委/))
  expect(await screen.findByText('该省份使用独立的团员管理系统')).toBeTruthy()
  fireEvent.click(screen.getByText(/返回上一级/))
  await waitFor(() => expect(screen.getByText('共青团湖北省委')).toBeTruthy())
})

test('shows the API message when the tree cannot be loaded', async () => {
  mocked.orgs!.mockRejectedValue(apiError(500, 'INTERNAL', '服务暂时不可用，请稍后重试'))
  render(<ReceiverPage />)
  expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy()
})
