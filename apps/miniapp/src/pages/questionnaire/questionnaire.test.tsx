import { fireEvent, render, screen } from '@testing-library/react'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { draftStore } from '../../store/draft'
import { graduate, transfer } from '../../../test/fixtures'
import QuestionnairePage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)

beforeEach(() => {
  jest.clearAllMocks()
  draftStore.reset()
  ;(useParams as jest.Mock).mockReturnValue({})
})

const tap = (text: string) => fireEvent.click(screen.getByText(text))

test('one question per screen, from the rules library, with its help text', () => {
  render(<QuestionnairePage />)
  expect(screen.getByText('毕业后你的去向是？')).toBeTruthy()
  expect(screen.getByText(/人事档案转到哪里，不决定团组织关系转到哪里/)).toBeTruthy()
  expect(screen.getByText('第 1 题')).toBeTruthy()
  expect(screen.queryByText('你目前是共青团员吗？')).toBeNull()
})

test('employed with a league org: answers lead to the resolution and are kept in storage', () => {
  render(<QuestionnairePage />)
  tap('已落实工作单位（含自主创业）')
  // A logged-in graduate is a member found in the system: neither is asked.
  expect(screen.queryByText('你目前是共青团员吗？')).toBeNull()
  expect(screen.queryByText('在系统里能查到你的团员信息吗？')).toBeNull()
  expect(screen.getByText(/有团组织吗/)).toBeTruthy()
  tap('有')
  expect(screen.getByText('你要转入的团组织在哪个省（区、市）？')).toBeTruthy()
  expect(screen.getByText('第 3 题')).toBeTruthy()
  tap('其他省（区、市）')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.resolution)
  expect(draftStore.get().answers).toEqual({
    destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'other',
  })
})

test('"我不是团员，被误录了" under the first question leads to the record-deletion path', () => {
  render(<QuestionnairePage />)
  tap('我不是团员，被误录了')
  expect(draftStore.get().answers).toEqual({ isLeagueMember: false })
  expect(nav.to).toHaveBeenCalledWith(ROUTES.resolution)
})

test('back shows the previous question with its answer still chosen', () => {
  render(<QuestionnairePage />)
  tap('已落实工作单位（含自主创业）')
  expect(screen.queryByText('我不是团员，被误录了')).toBeNull()
  tap('上一步')
  expect(screen.getByText('已落实工作单位（含自主创业）').closest('[role="radio"]')?.getAttribute('aria-checked')).toBe('true')
  // 下一步 keeps the earlier answer
  tap('下一步')
  expect(screen.getByText(/有团组织吗/)).toBeTruthy()
})

test('kept at school: no months asked, the server counts them from the graduation date', () => {
  draftStore.update({ answers: { destination: 'unplaced' } })
  render(<QuestionnairePage />)
  tap('暂时保留在学校（流动团员团支部）')
  tap('下一步')
  expect(screen.queryByText('你已经毕业几个月了？')).toBeNull()
  expect(draftStore.get().answers).toMatchObject({ unplacedPlan: 'retain-at-school' })
  expect(draftStore.get().answers.monthsSinceGraduation).toBeUndefined()
  expect(nav.to).toHaveBeenCalledWith(ROUTES.resolution)
})

test('opens at the question the resolution page sent it to', () => {
  ;(useParams as jest.Mock).mockReturnValue({ field: 'unplacedPlan' })
  draftStore.update({ answers: { destination: 'unplaced', unplacedPlan: 'retain-at-school' } })
  render(<QuestionnairePage />)
  expect(screen.getByText('暂未落实去向，你的团组织关系打算怎么安排？')).toBeTruthy()
})

test('the first screen\'s back leaves the questionnaire', () => {
  render(<QuestionnairePage />)
  tap('返回首页')
  expect(nav.back).toHaveBeenCalled()
})

test('an application under way: its status and the way to it, not question 1 again', async () => {
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([transfer({ status: 'pending-incoming', targetOrgName: '光谷科技有限公司团支部' })])
  render(<QuestionnairePage />)
  expect(await screen.findByText('你已有一笔转接正在办理')).toBeTruthy()
  expect(screen.getByText('待转入组织审批')).toBeTruthy()
  expect(screen.getByText('光谷科技有限公司团支部')).toBeTruthy()
  expect(screen.queryByText('毕业后你的去向是？')).toBeNull()
  expect(mocked.memberTransfers).toHaveBeenCalledWith('m-1')
  tap('查看我的接转')
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.transfer)
})

test('changing that application (修改申请), or after it closed, the questions are asked', async () => {
  mocked.me!.mockResolvedValue(graduate)
  mocked.memberTransfers!.mockResolvedValue([transfer({ id: 't-1' })])
  draftStore.update({ editing: 't-1' })
  const { unmount } = render(<QuestionnairePage />)
  await new Promise((r) => setTimeout(r, 0))
  expect(screen.getByText('毕业后你的去向是？')).toBeTruthy()
  unmount()
  draftStore.reset()
  mocked.memberTransfers!.mockResolvedValue([transfer({ status: 'withdrawn' })])
  render(<QuestionnairePage />)
  await new Promise((r) => setTimeout(r, 0))
  expect(screen.getByText('毕业后你的去向是？')).toBeTruthy()
  expect(screen.queryByText('你已有一笔转接正在办理')).toBeNull()
})
