import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { StatisticsTable } from '@xianjie/contract'
import { api } from '../../api'
import { useParams } from '../../nav'
import { apiError } from '../../../test/fixtures'
import StatisticsPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const table: StatisticsTable = {
  orgId: 'chutian', orgName: '楚天大学团委', year: 2026,
  graduatingClasses: 3, graduatingBranches: 3, graduates: 12, graduatingMembers: 11, filedAt: null,
  rows: [
    { orgId: 'chutian-cs', orgName: '楚天大学计算机学院团委', graduatingClasses: 2, graduatingBranches: 2, graduates: 9, graduatingMembers: 8 },
    { orgId: 'chutian-ee', orgName: '楚天大学电子信息学院团总支', graduatingClasses: 1, graduatingBranches: 1, graduates: 3, graduatingMembers: 3 },
  ],
}

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian' })
  mocked.statistics!.mockResolvedValue(table)
  // The dates in force name the org's school: here the org itself.
  mocked.campaign!.mockImplementation(async () => ({ orgId: 'chutian', orgName: '楚天大学团委' }) as never)
})

test('shows one row per college and the total', async () => {
  render(<StatisticsPage />)
  expect(await screen.findByText('楚天大学计算机学院团委')).toBeTruthy()
  expect(mocked.statistics).toHaveBeenCalledWith('chutian', undefined)
  expect(screen.getByText('楚天大学团委 · 2026届 · 尚未报送')).toBeTruthy()
  const total = screen.getByText('合计').parentElement as HTMLElement
  expect(total.textContent).toContain('毕业班级 3')
  expect(total.textContent).toContain('毕业生 12')
  expect(total.textContent).toContain('仍在本校的毕业团员 11')
})

test('exports the .xlsx file', async () => {
  mocked.exportStatistics!.mockResolvedValue(undefined)
  render(<StatisticsPage />)
  fireEvent.click(await screen.findByText('导出 Excel'))
  await waitFor(() => expect(mocked.exportStatistics).toHaveBeenCalledWith('chutian', 2026))
  expect(await screen.findByText('已导出')).toBeTruthy()
})

test('a failed export says why', async () => {
  mocked.exportStatistics!.mockRejectedValue(apiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试。'))
  render(<StatisticsPage />)
  fireEvent.click(await screen.findByText('导出 Excel'))
  expect(await screen.findByText('网络连接失败，请检查网络后重试。')).toBeTruthy()
  expect(screen.queryByText('已导出')).toBeNull()
})

test('files the table upward', async () => {
  mocked.fileStatistics!.mockResolvedValue({ ...table, filedAt: '2026-05-10T02:00:00Z' })
  render(<StatisticsPage />)
  fireEvent.click(await screen.findByText('报送统计表'))
  await waitFor(() => expect(mocked.fileStatistics).toHaveBeenCalledWith('chutian', 2026))
  expect(await screen.findByText(/^楚天大学团委 · 2026届 · 已于 2026-05-10 \d\d:00 报送$/)).toBeTruthy()
})

test('a college reads and exports its table; filing it upward is the school’s, so it is not offered', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian-cs' })
  mocked.statistics!.mockResolvedValue({
    ...table, orgId: 'chutian-cs', orgName: '楚天大学计算机学院团委', graduatingClasses: 2, graduatingBranches: 2, graduates: 9, graduatingMembers: 8,
    rows: [{ orgId: 'cs-2201', orgName: '计算机2201班团支部', graduatingClasses: 1, graduatingBranches: 1, graduates: 6, graduatingMembers: 5 }],
  })
  render(<StatisticsPage />)
  expect(await screen.findByText('计算机2201班团支部')).toBeTruthy()
  expect(mocked.campaign).toHaveBeenCalledWith('chutian-cs')
  expect(await screen.findByText('统计表由学校团委汇总报送，这里可以查看和导出本单位的数据。')).toBeTruthy()
  expect(screen.queryByText('报送统计表')).toBeNull()
  expect(screen.getByText('导出 Excel')).toBeTruthy()
})
