import { fireEvent, render, screen } from '@testing-library/react'
import type { DestinationRow } from '@xianjie/contract'
import { beijingDateString } from '@xianjie/rules'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { counsellor, grant } from '../../../test/fixtures'
import DestinationsPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const year = Number(beijingDateString(new Date()).slice(0, 4))
const row = (partial: Partial<DestinationRow> & Pick<DestinationRow, 'memberId' | 'name'>): DestinationRow => ({
  idNumberMasked: '420111********1019', orgName: '计算机2201班团支部', destination: null, destinationDetail: null,
  organisationName: null, organisationAddress: null, organisationTownship: null, householdRegistration: null, residence: null, homeWithheld: false, updatedAt: null, ...partial,
})
const li = row({ memberId: 'm-1', name: '李明', destination: 'further-study', destinationDetail: 'postgraduate', organisationName: '楚天大学', updatedAt: '2026-05-02T02:00:00.000Z' })
const wang = row({
  memberId: 'm-2', name: '王芳', destination: 'employed', organisationName: '东风智造集团有限公司', organisationAddress: '武汉市洪山区关山大道 1 号',
  organisationTownship: '关山街道', householdRegistration: '湖北省黄冈市', residence: '武汉市洪山区', updatedAt: '2026-05-03T02:00:00.000Z',
})
const zhao = row({ memberId: 'm-3', name: '赵雷' })

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian-cs' })
  mocked.me!.mockResolvedValue(counsellor)
})

test('the cohort under the org with what each reported (ID masked), who has not reported marked; filtered and loaded a page at a time', async () => {
  mocked.destinations!.mockResolvedValueOnce({ items: [li, wang], total: 3 }).mockResolvedValueOnce({ items: [zhao], total: 3 })
  render(<DestinationsPage />)
  expect(await screen.findByText('李明')).toBeTruthy()
  expect(mocked.destinations).toHaveBeenCalledWith('chutian-cs', { year, state: undefined, limit: 50 })
  expect(screen.getByText(`${year}届毕业生去向`)).toBeTruthy()
  expect(screen.getByText('楚天大学计算机学院团委 · 共 3 人')).toBeTruthy()
  expect(screen.getByText('国内升学 · 研究生 · 楚天大学')).toBeTruthy()
  expect(screen.getByText('乡镇（街道）：关山街道')).toBeTruthy()
  expect(screen.getByText('地址：武汉市洪山区关山大道 1 号')).toBeTruthy()
  expect(screen.getByText('户籍：湖北省黄冈市 · 现居住地：武汉市洪山区')).toBeTruthy()
  expect(screen.queryByText('420111200401011019')).toBeNull()
  expect(screen.queryByText('户籍和现居住地只有辅导员和学院团委可以查看。')).toBeNull()

  fireEvent.click(screen.getByText('加载更多（还有 1 条）'))
  expect(await screen.findByText('赵雷')).toBeTruthy()
  expect(mocked.destinations).toHaveBeenLastCalledWith('chutian-cs', { year, state: undefined, limit: 50, offset: 2 })
  expect(screen.getAllByText('未填报').map((e) => e.className)).toEqual(['chip', 'taro-text tag tag-warn'])

  mocked.destinations!.mockResolvedValueOnce({ items: [zhao], total: 1 })
  fireEvent.click(screen.getAllByText('未填报')[0]!)
  expect(await screen.findByText('楚天大学计算机学院团委 · 共 1 人')).toBeTruthy()
  expect(mocked.destinations).toHaveBeenLastCalledWith('chutian-cs', { year, state: 'missing', limit: 50 })
  expect(screen.queryByText('李明')).toBeNull()
})

test('nobody matching: says so', async () => {
  mocked.destinations!.mockResolvedValue({ items: [], total: 0 })
  render(<DestinationsPage />)
  expect(await screen.findByText('没有符合条件的毕业生。')).toBeTruthy()
})

test('a graduate in the list opens their card and transfer history', async () => {
  mocked.destinations!.mockResolvedValue({ items: [li], total: 1 })
  render(<DestinationsPage />)
  fireEvent.click(await screen.findByText('李明'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminMember, { id: 'm-1' })
})

test('a branch secretary is told why household registration and residence are not shown', async () => {
  mocked.destinations!.mockResolvedValue({ items: [{ ...wang, householdRegistration: null, residence: null, homeWithheld: true }], total: 1 })
  render(<DestinationsPage />)
  expect(await screen.findByText('户籍和现居住地只有辅导员和学院团委可以查看。')).toBeTruthy()
  expect(screen.queryByText(/户籍：/)).toBeNull()
})

test('a shared link to 毕业去向 of an employer’s org shows a plain note and reads nothing', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'dongfeng' })
  mocked.me!.mockResolvedValue({ ...counsellor, roles: [grant('org-admin', 'dongfeng', '东风智造集团有限公司团委', { orgDomain: 'enterprise' })] })
  render(<DestinationsPage />)
  expect(await screen.findByText(/^东风智造集团有限公司团委不是学校团组织/)).toBeTruthy()
  expect(mocked.destinations).not.toHaveBeenCalled()
})
