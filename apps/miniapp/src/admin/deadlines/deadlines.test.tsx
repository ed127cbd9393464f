import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { CampaignView } from '@xianjie/contract'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { apiError, progressReport } from '../../../test/fixtures'
import DeadlinesPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const campaign = (partial: Partial<CampaignView> = {}): CampaignView => ({
  orgId: 'chutian', orgName: '楚天大学团委', year: 2026, custom: false,
  preparationBy: '2026-05-15', startedBy: '2026-08-31', receivedBy: '2026-09-30',
  employedUnplacedBy: '2026-08-31', postgraduateCivilServantBy: '2026-10-01', furtherStudyBy: '2026-10-31',
  daysLeft: { preparationBy: -47, startedBy: 61, receivedBy: 91, employedUnplacedBy: 61, postgraduateCivilServantBy: 92, furtherStudyBy: 122 },
  groups: [],
  ...partial,
})
const preparation = {
  dueBy: '2026-05-15', daysLeft: -47, dataEntered: true, unmarkedBranches: 2,
  unmarkedBranchList: [{ id: 'b-1', name: '计算机学院教工团支部' }, { id: 'b-2', name: '楚天大学流动团员团支部' }],
  statisticsFiled: false, statisticsFiledAt: null, ready: false,
}

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian' })
  mocked.campaign!.mockResolvedValue(campaign())
  mocked.progress!.mockResolvedValue(progressReport({ orgId: 'chutian', orgName: '楚天大学团委', preparation }))
})

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement
const type = (label: string, value: string) => fireEvent.input(input(label), { target: { value } })

test('shows each group’s date and the preparation check', async () => {
  render(<DeadlinesPage />)
  expect(await screen.findByText('楚天大学团委 · 2026届毕业生 · 当前为默认日期')).toBeTruthy()
  expect(input('考取研究生和公务员的毕业生完成转接').value).toBe('2026-10-01')
  expect(input('已就业和未就业毕业生完成转接').value).toBe('2026-08-31')
  expect(screen.getByText('准备工作截止 2026-05-15')).toBeTruthy()
  expect(screen.getByText('✗ 还有 2 个团支部未标记毕业时间')).toBeTruthy()
  expect(screen.getByText('计算机学院教工团支部、楚天大学流动团员团支部')).toBeTruthy()
  expect(screen.getByText('✗ 统计表尚未报送')).toBeTruthy()
  expect(screen.getByText('✓ 毕业生信息已录入')).toBeTruthy()
})

test('saves only the dates that changed', async () => {
  mocked.saveCampaign!.mockResolvedValue(campaign({ custom: true, postgraduateCivilServantBy: '2026-10-08' }))
  render(<DeadlinesPage />)
  await screen.findByText(/当前为默认日期/)
  type('考取研究生和公务员的毕业生完成转接', '2026-10-08')
  fireEvent.click(screen.getByText('保存'))
  await waitFor(() => expect(mocked.saveCampaign).toHaveBeenCalledWith('chutian', { postgraduateCivilServantBy: '2026-10-08' }, 2026))
  expect(await screen.findByText('已保存')).toBeTruthy()
  expect(screen.getByText(/已按学校设置/)).toBeTruthy()
})

test('a date as people type it (2026年10月8日) is saved as YYYY-MM-DD; one left as it was is not sent', async () => {
  mocked.saveCampaign!.mockResolvedValue(campaign({ custom: true, postgraduateCivilServantBy: '2026-10-08' }))
  render(<DeadlinesPage />)
  await screen.findByText(/当前为默认日期/)
  type('考取研究生和公务员的毕业生完成转接', '2026年10月8日')
  type('已就业和未就业毕业生完成转接', '2026/8/31')
  fireEvent.click(screen.getByText('保存'))
  await waitFor(() => expect(mocked.saveCampaign).toHaveBeenCalledWith('chutian', { postgraduateCivilServantBy: '2026-10-08' }, 2026))
})

test('shows the API’s message beside the date it refuses', async () => {
  mocked.saveCampaign!.mockRejectedValue(apiError(400, 'VALIDATION_FAILED', '提交的内容有误，请按提示修改', [
    { field: 'postgraduateCivilServantBy', message: '研究生和公务员的截止日期不能早于就业和未就业毕业生的截止日期' },
  ]))
  render(<DeadlinesPage />)
  await screen.findByText(/当前为默认日期/)
  type('考取研究生和公务员的毕业生完成转接', '2026-08-01')
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('研究生和公务员的截止日期不能早于就业和未就业毕业生的截止日期')).toBeTruthy()
  expect(screen.queryByText('已保存')).toBeNull()
})

test('a college sees the school’s dates but cannot set them', async () => {
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian-cs' })
  mocked.progress!.mockResolvedValue(progressReport())
  render(<DeadlinesPage />)
  expect(await screen.findByText('只有学校团委管理员可以设置工作时限。')).toBeTruthy()
  expect(screen.queryByText('保存')).toBeNull()
  // The dates in force, to read: a college works to them.
  const row = (label: string) => screen.getByText(label).closest('.deadline')?.textContent
  expect(row('全部毕业生提交申请')).toBe('全部毕业生提交申请2026-08-31')
  expect(row('考取研究生和公务员的毕业生完成转接')).toBe('考取研究生和公务员的毕业生完成转接2026-10-01')
  expect(screen.queryByRole('textbox')).toBeNull()
})

test('unmarked branches in the preparation check are one tap from marking them', async () => {
  render(<DeadlinesPage />)
  fireEvent.click(await screen.findByText('去标记'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminMarks, { orgId: 'chutian' })
})
