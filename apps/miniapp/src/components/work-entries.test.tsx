import { fireEvent, render, screen } from '@testing-library/react'
import type { Me, RoleGrantView } from '@xianjie/contract'
import { api } from '../api'
import { nav, ROUTES } from '../nav'
import { counsellor, grant } from '../../test/fixtures'
import { WorkEntries } from './WorkEntries'

jest.mock('../api', () => require('../../test/mocks').apiModule())
jest.mock('../nav', () => require('../../test/mocks').navModule())

const mocked = jest.mocked(api)
type OrgOf = Partial<Pick<RoleGrantView, 'orgKind' | 'orgDomain'>>
const adminOf = (orgId: string, orgName: string, org: OrgOf = {}): Me => ({ ...counsellor, id: `a-${orgId}`, roles: [grant('org-admin', orgId, orgName, org)] })

beforeEach(() => jest.clearAllMocks())

// The grants name each org's kind and 行业类别: the home page reads no org to decide (it had read
// each watched org on every visit).
afterEach(() => expect(mocked.org).not.toHaveBeenCalled())

test('a college admin is offered 转接进度 (where 标记毕业团支部, 工作时限 and 年度统计表 are), on their own college', () => {
  render(<WorkEntries me={adminOf('chutian-cs', '楚天大学计算机学院团委')} />)
  fireEvent.click(screen.getByText('毕业生转接进度与提醒'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminCampaign)
})

test.each([
  ['an employer', 'dongfeng', '东风智造集团有限公司团委', { orgDomain: 'enterprise' }],
  ['a township', 'guanshan', '关山街道团工委', { orgKind: 'working-committee', orgDomain: 'township' }],
] as const)('%s is not offered the graduation season’s progress and reminders, a school’s work; the rest stays', (_who, id, name, org) => {
  render(<WorkEntries me={adminOf(id, name, org)} />)
  expect(screen.getByText('管理员工作台')).toBeTruthy()
  expect(screen.getByText('导入名单')).toBeTruthy()
  expect(screen.queryByText('毕业生转接进度与提醒')).toBeNull()
  expect(screen.queryByText(/提醒还没发起的同学/)).toBeNull()
  expect(screen.getByText('重置团员密码')).toBeTruthy()
  expect(screen.getByText('待处理的请求')).toBeTruthy()
})

test('a province or city committee (a leading organ over schools) keeps 转接进度: its progress sums the schools below', () => {
  render(<WorkEntries me={adminOf('hubei', '共青团湖北省委', { orgKind: 'leading-organ', orgDomain: 'government' })} />)
  expect(screen.getByText('毕业生转接进度与提醒')).toBeTruthy()
})

test('an employer’s admin who also counsels a college is offered 转接进度 for the college', () => {
  const me: Me = { ...counsellor, roles: [grant('org-admin', 'dongfeng', '东风智造集团有限公司团委', { orgDomain: 'enterprise' }), ...counsellor.roles] }
  render(<WorkEntries me={me} />)
  expect(screen.getByText('毕业生转接进度与提醒')).toBeTruthy()
})

test('a provincial reviewer’s province is not a watched org: no 转接进度 from that grant', () => {
  render(<WorkEntries me={{ ...counsellor, roles: [grant('provincial-reviewer', 'hubei', '共青团湖北省委', { orgKind: 'leading-organ', orgDomain: 'government' })] }} />)
  expect(screen.getByText('待处理的请求')).toBeTruthy()
  expect(screen.queryByText('毕业生转接进度与提醒')).toBeNull()
})

test('a page opened without an org goes to the first school org watched, not the employer beside it (roles.firstWatched)', () => {
  const { firstWatched } = jest.requireActual('../roles') as typeof import('../roles')
  const roles = [grant('org-admin', 'dongfeng', '东风智造集团有限公司团委', { orgDomain: 'enterprise' }), grant('counsellor', 'chutian-cs', '楚天大学计算机学院团委')]
  expect(firstWatched(roles)).toEqual({ id: 'chutian-cs', name: '楚天大学计算机学院团委' })
  expect(firstWatched(roles.slice(0, 1))).toEqual({ id: 'dongfeng', name: '东风智造集团有限公司团委' })
})
