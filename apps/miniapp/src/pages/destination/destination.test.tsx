import { fireEvent, render, screen } from '@testing-library/react'
import { api } from '../../api'
import { apiError } from '../../../test/fixtures'
import DestinationPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })
const tap = (text: string) => fireEvent.click(screen.getByText(text))
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value
const REPORT = {
  memberId: 'm-1', destination: 'further-study', destinationDetail: 'postgraduate', organisationName: '楚天大学', organisationAddress: '武汉市洪山区',
  organisationTownship: null, householdRegistration: '湖北省黄冈市', residence: '武汉市洪山区', updatedAt: '2026-05-02T02:00:00.000Z',
}

beforeEach(() => {
  jest.clearAllMocks()
  mocked.saveDestination!.mockImplementation(async (body: Record<string, unknown>) => ({ ...REPORT, destinationDetail: null, organisationAddress: null, ...body, updatedAt: '2026-05-03T02:00:00.000Z' }))
})

test('a first report: the destination from the questionnaire\'s own options, the school\'s full name asked for, saved trimmed', async () => {
  mocked.myDestination!.mockResolvedValue(null)
  render(<DestinationPage />)
  expect(await screen.findByText('毕业后你的去向是？')).toBeTruthy()
  expect(screen.queryByText('保存去向')).toBeNull()
  tap('国内升学')
  expect(screen.getByText(/新学校建好新生团组织后/)).toBeTruthy()
  tap('保存去向')
  expect(screen.getByText('请填写全称，学校和接收组织都要用到。')).toBeTruthy()
  expect(mocked.saveDestination).not.toHaveBeenCalled()
  type('录取学校（全称）', '  楚天大学 ')
  tap('考取的是研究生')
  type('户籍所在地', '湖北省黄冈市')
  tap('保存去向')
  expect(await screen.findByText('已保存，学校能看到你填报的去向。')).toBeTruthy()
  expect(mocked.saveDestination).toHaveBeenCalledWith({ destination: 'further-study', destinationDetail: 'postgraduate', organisationName: '楚天大学', householdRegistration: '湖北省黄冈市' })
})

test('coming back: what was saved is filled in; a classified employer is never asked for, and a detail that no longer fits is dropped', async () => {
  mocked.myDestination!.mockResolvedValue(REPORT)
  render(<DestinationPage />)
  expect(await screen.findByDisplayValue('楚天大学')).toBeTruthy()
  expect(value('地址')).toBe('武汉市洪山区')
  expect(screen.getByRole('checkbox', { name: /研究生/ }).getAttribute('aria-checked')).toBe('true')
  expect(screen.getByText(/最近保存于/)).toBeTruthy()
  // Folded to the chosen one; 更改 opens the options again.
  expect(screen.getByText('国内升学')).toBeTruthy()
  expect(screen.queryByText('到涉密单位工作')).toBeNull()
  tap('更改')
  tap('到涉密单位工作')
  expect(screen.getByText(/按规定不在系统中填写具体单位/)).toBeTruthy()
  expect(screen.queryByLabelText('单位或学校名称（如有）')).toBeNull()
  expect(screen.queryByRole('checkbox')).toBeNull()
  tap('保存去向')
  expect(await screen.findByText('已保存，学校能看到你填报的去向。')).toBeTruthy()
  expect(mocked.saveDestination).toHaveBeenCalledWith({ destination: 'classified', householdRegistration: '湖北省黄冈市', residence: '武汉市洪山区' })

  tap('更改')
  tap('已落实工作单位（含自主创业）')
  expect(value('工作单位名称（全称）')).toBe('楚天大学')
  expect(screen.getByRole('checkbox', { name: /公务员/ }).getAttribute('aria-checked')).toBe('false')
})

test('a refusal from the API is shown and nothing typed is lost', async () => {
  mocked.myDestination!.mockResolvedValue(null)
  mocked.saveDestination!.mockRejectedValue(apiError(400, 'VALIDATION_FAILED', '单位或学校名称不超过 200 字'))
  render(<DestinationPage />)
  await screen.findByText('暂未落实去向')
  tap('暂未落实去向')
  type('现居住地', '湖北省黄冈市黄州区')
  tap('保存去向')
  expect(await screen.findByText('单位或学校名称不超过 200 字')).toBeTruthy()
  expect(value('现居住地')).toBe('湖北省黄冈市黄州区')
  expect(screen.queryByText('已保存，学校能看到你填报的去向。')).toBeNull()
})
