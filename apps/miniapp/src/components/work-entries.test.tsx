import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Me } from '@xianjie/contract'
import { api } from '../api'
import { nav, ROUTES } from '../nav'
import { apiError, counsellor, org } from '../../test/fixtures'
import { WorkEntries } from './WorkEntries'

jest.mock('../api', () => require('../../test/mocks').apiModule())
jest.mock('../nav', () => require('../../test/mocks').navModule())

const mocked = jest.mocked(api)
const adminOf = (orgId: string, orgName: string): Me => ({ ...counsellor, id: `a-${orgId}`, roles: [{ role: 'org-admin', orgId, orgName }] })
const ORGS = {
  'chutian-cs': org({ id: 'chutian-cs', name: '楚天大学计算机学院团委', domain: 'school' }),
  dongfeng: org({ id: 'dongfeng', name: '东风智造集团有限公司团委', domain: 'enterprise' }),
  hubei: org({ id: 'hubei', name: '共青团湖北省委', kind: 'leading-organ', domain: 'government' }),
  guanshan: org({ id: 'guanshan', name: '关山街道团工委', kind: 'working-committee', domain: 'township', isTownship: true }),
} as Record<string, ReturnType<typeof org>>

beforeEach(() => {
  jest.clearAllMocks()
  mocked.org!.mockImplementation(async (id: string) => ORGS[id]!)
})

test('a college admin is offered 转接进度 (where 标记毕业团支部, 工作时限 and 年度统计表 are), on their own college', async () => {
  render(<WorkEntries me={adminOf('chutian-cs', '楚天大学计算机学院团委')} />)
  fireEvent.click(await screen.findByText('毕业生转接进度与提醒'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminCampaign)
  expect(mocked.org).toHaveBeenCalledWith('chutian-cs')
})

test.each([
  ['an employer', 'dongfeng', '东风智造集团有限公司团委'],
  ['a township', 'guanshan', '关山街道团工委'],
])('%s is not offered the graduation season’s progress and reminders, a school’s work; the rest stays', async (_who, id, name) => {
  render(<WorkEntries me={adminOf(id, name)} />)
  expect(await screen.findByText('管理员工作台')).toBeTruthy()
  await waitFor(() => expect(mocked.org).toHaveBeenCalledWith(id))
  // Let the org's answer land before looking for what it hides.
  await screen.findByText('导入名单')
  await new Promise((r) => setTimeout(r, 0))
  expect(screen.queryByText('毕业生转接进度与提醒')).toBeNull()
  expect(screen.queryByText(/提醒还没发起的同学/)).toBeNull()
  expect(screen.getByText('重置团员密码')).toBeTruthy()
  expect(screen.getByText('待处理的请求')).toBeTruthy()
})

test('a province or city committee (a leading organ over schools) keeps 转接进度: its progress sums the schools below', async () => {
  render(<WorkEntries me={adminOf('hubei', '共青团湖北省委')} />)
  expect(await screen.findByText('毕业生转接进度与提醒')).toBeTruthy()
})

test('an org that cannot be read keeps the entry (its page says what it can)', async () => {
  mocked.org!.mockRejectedValue(apiError(0, 'NETWORK_ERROR', '网络连接失败'))
  render(<WorkEntries me={counsellor} />)
  expect(await screen.findByText('毕业生转接进度与提醒')).toBeTruthy()
})
