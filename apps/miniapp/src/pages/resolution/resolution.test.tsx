import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { nav, ROUTES } from '../../nav'
import { api } from '../../api'
import { draftStore } from '../../store/draft'
import { graduate, transfer } from '../../../test/fixtures'
import ResolutionPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>

const base = {} as const
const chutian = { id: 's-abroad', name: '楚天大学出国(境)学习研究团员团支部' }

beforeEach(() => {
  jest.clearAllMocks()
  draftStore.reset()
  mocked.me!.mockResolvedValue({ ...graduate, member: { ...graduate.member!, schoolBranches: { 'study-abroad': chutian } } })
})

const stepTexts = () => Array.from(document.querySelectorAll('.approval-step')).map((e) => e.textContent)

test('employer with an org: where, why, both approval steps in order, one withdraw sentence, and the picker', async () => {
  draftStore.update({ answers: { destination: 'employed', ...base, employerHasLeagueOrg: true, receiverRegion: 'other' } })
  render(<ResolutionPage />)
  await waitFor(() => expect(mocked.me).toHaveBeenCalled())
  expect(screen.getByText('工作单位的团组织')).toBeTruthy()
  expect(screen.getByText('为什么')).toBeTruthy()
  // The college first, with its 15-day clock, then the receiver.
  expect(stepTexts()).toEqual([
    '1转出组织（团支书或院系团委）审批15 天内未处理的，自动通过',
    '2接收组织审批15 天内未处理的，自动通过',
  ])
  expect(screen.getAllByText(/撤回/).length).toBe(1)
  expect(screen.getByText('接收组织审批之前，你可以撤回申请。')).toBeTruthy()
  fireEvent.click(screen.getByText('选择接收组织'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.receiver)
})

test('study abroad: the own school\'s study-abroad branch, shown, and straight to the form', async () => {
  draftStore.update({ answers: { destination: 'study-abroad', ...base } })
  render(<ResolutionPage />)
  expect(await screen.findByText('楚天大学出国(境)学习研究团员团支部')).toBeTruthy()
  expect(screen.getByText('提交书面保留申请（去向、时长、国内联系人），由院系团委审批。')).toBeTruthy()
  expect(stepTexts()).toEqual(['1院系团委审批15 天内未处理的，自动通过'])
  expect(screen.queryByText('选择接收组织')).toBeNull()
  fireEvent.click(screen.getByText('填写申请'))
  expect(draftStore.get().receiver).toEqual({ orgId: 's-abroad', orgName: chutian.name })
  expect(nav.to).toHaveBeenCalledWith(ROUTES.apply)
})

test('military: offline paperwork, the college then the provincial review', async () => {
  draftStore.update({ answers: { destination: 'military', ...base } })
  render(<ResolutionPage />)
  await waitFor(() => expect(mocked.me).toHaveBeenCalled())
  expect(screen.getByText(/另需按要求办理线下手续/)).toBeTruthy()
  expect(stepTexts()).toEqual(['1转出组织（团支书或院系团委）审批15 天内未处理的，自动通过', '2省级团委审核15 天内未处理的，自动通过'])
  expect(screen.getByText('填写申请')).toBeTruthy()
})

test('further study before the new school is ready: wait, no form', () => {
  draftStore.update({ answers: { destination: 'further-study', ...base, admittedSchoolOrgReady: false } })
  render(<ResolutionPage />)
  expect(screen.getByText('现在还不能提交转接申请')).toBeTruthy()
  expect(screen.getByText(/等新学校建好新生团组织后再办理/)).toBeTruthy()
  expect(screen.queryByText('填写申请')).toBeNull()
  expect(screen.queryByText('选择接收组织')).toBeNull()
})

test('a wrongly entered non-member (the quiet link): what to do instead', () => {
  draftStore.update({ answers: { isLeagueMember: false } })
  render(<ResolutionPage />)
  expect(screen.getByText('不需要转接')).toBeTruthy()
  expect(screen.getByText(/删除误录信息/)).toBeTruthy()
})

test('a logged-in graduate is in the system: an "inSystem" answer left in the draft is not theirs to give', async () => {
  draftStore.update({ answers: { destination: 'military', isLeagueMember: true, inSystem: false } })
  render(<ResolutionPage />)
  await waitFor(() => expect(mocked.me).toHaveBeenCalled())
  expect(screen.queryByText('需要先录入团员信息')).toBeNull()
  expect(screen.getByText('填写申请')).toBeTruthy()
})

test('cross-system: who starts it (the college) and what to give them', async () => {
  draftStore.update({ answers: { destination: 'employed', ...base, employerHasLeagueOrg: true, receiverRegion: 'beijing' } })
  render(<ResolutionPage />)
  await waitFor(() => expect(mocked.me).toHaveBeenCalled())
  expect(screen.getByText('跨系统转接，由学院团委为你发起')).toBeTruthy()
  expect(screen.getByText(/接收团组织的完整官方名称/)).toBeTruthy()
  expect(screen.getByText(/紧急联系人姓名和手机号/)).toBeTruthy()
  // One withdraw sentence, not one per block.
  expect(screen.getAllByText(/撤回/).map((e) => e.textContent)).toEqual(['跨系统转接提交后不能撤回，请仔细核对接收组织的全称。'])
  expect(screen.queryByText('选择接收组织')).toBeNull()
  expect(screen.queryByText('填写申请')).toBeNull()
})

test('answers the rules refuse: their message and a way back to that question', async () => {
  draftStore.update({ answers: { destination: 'employed', ...base } })
  render(<ResolutionPage />)
  expect((await screen.findByRole('alert')).textContent).toMatch(/\S/)
  fireEvent.click(screen.getByText('修改回答'))
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.questionnaire, expect.objectContaining({ field: expect.any(String) }))
})

test('back after a submit (the draft emptied): the submitted application, never 还缺少一个回答', async () => {
  mocked.memberTransfers!.mockResolvedValue([transfer()])
  render(<ResolutionPage />)
  // Not even for the moment it takes to ask.
  expect(screen.queryByText(/还缺少一个回答/)).toBeNull()
  expect(await screen.findByText('你已有一笔转接正在办理')).toBeTruthy()
  expect(screen.getByText('待转出组织审批')).toBeTruthy()
  expect(screen.queryByText(/还缺少一个回答/)).toBeNull()
})

test('an emptied draft with nothing under way still says which answer is missing', async () => {
  mocked.memberTransfers!.mockResolvedValue([])
  render(<ResolutionPage />)
  expect(await screen.findByText(/还缺少一个回答/)).toBeTruthy()
})
