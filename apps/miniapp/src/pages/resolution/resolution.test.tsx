import { fireEvent, render, screen } from '@testing-library/react'
import { nav, ROUTES } from '../../nav'
import { draftStore } from '../../store/draft'
import ResolutionPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const base = { isLeagueMember: true, inSystem: true } as const

beforeEach(() => {
  jest.clearAllMocks()
  draftStore.reset()
})

test('employer with an org: where, why, and the picker', () => {
  draftStore.update({ answers: { destination: 'employed', ...base, employerHasLeagueOrg: true, receiverRegion: 'other' } })
  render(<ResolutionPage />)
  expect(screen.getByText('工作单位的团组织')).toBeTruthy()
  expect(screen.getByText('为什么')).toBeTruthy()
  expect(screen.getByText('由谁审批：接收组织审批')).toBeTruthy()
  fireEvent.click(screen.getByText('选择接收组织'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.receiver)
})

test('study abroad: a written application, then the school\'s study-abroad branch', () => {
  draftStore.update({ answers: { destination: 'study-abroad', ...base } })
  render(<ResolutionPage />)
  expect(screen.getByText('母校的出国(境)学习研究团员团支部')).toBeTruthy()
  expect(screen.getByText('提交书面保留申请（去向、时长、国内联系人），由院系团委审批。')).toBeTruthy()
  fireEvent.click(screen.getByText('选择接收组织'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.receiver)
})

test('military: offline paperwork, provincial review', () => {
  draftStore.update({ answers: { destination: 'military', ...base } })
  render(<ResolutionPage />)
  expect(screen.getByText(/另需按要求办理线下手续/)).toBeTruthy()
  expect(screen.getByText('由谁审批：省级团委审核')).toBeTruthy()
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

test('a logged-in graduate is in the system: an "inSystem" answer left in the draft is not theirs to give', () => {
  draftStore.update({ answers: { destination: 'military', isLeagueMember: true, inSystem: false } })
  render(<ResolutionPage />)
  expect(screen.queryByText('需要先录入团员信息')).toBeNull()
  expect(screen.getByText('由谁审批：省级团委审核')).toBeTruthy()
})

test('cross-system: the school must start it', () => {
  draftStore.update({ answers: { destination: 'employed', ...base, employerHasLeagueOrg: true, receiverRegion: 'beijing' } })
  render(<ResolutionPage />)
  expect(screen.getByText('跨系统转接，须由学校团组织发起')).toBeTruthy()
  expect(screen.queryByText('选择接收组织')).toBeNull()
})

test('answers the rules refuse: their message and a way back to that question', () => {
  draftStore.update({ answers: { destination: 'employed', ...base } })
  render(<ResolutionPage />)
  expect(screen.getByRole('alert').textContent).toMatch(/\S/)
  fireEvent.click(screen.getByText('修改回答'))
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.questionnaire, expect.objectContaining({ field: expect.any(String) }))
})
