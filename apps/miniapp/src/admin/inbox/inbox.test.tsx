import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Box, Inbox } from '@xianjie/contract'
import { TRANSFER_STATUSES, type TransferStatus } from '@xianjie/rules'
import { api } from '../../api'
import { nav, ROUTES } from '../../nav'
import { apiError, collegeAdmin, transfer } from '../../../test/fixtures'
import InboxPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
/** Every status counted, as the API answers: those not named are 0. */
const counts = (some: Partial<Inbox['counts']>) => Object.fromEntries(TRANSFER_STATUSES.map((s) => [s, some[s] ?? 0])) as Inbox['counts']

beforeEach(() => {
  jest.clearAllMocks()
  mocked.me!.mockResolvedValue(collegeAdmin)
  mocked.inbox!.mockImplementation(async (box: Box, status?: TransferStatus) => ({
    items: box === 'outgoing'
      ? [transfer({ memberName: '李明' }), transfer({ id: 't-2', memberName: '张华', status: 'completed' })].filter((t) => !status || t.status === status)
      : [transfer({ id: 't-3', memberName: '陈晨', status: 'pending-incoming' })],
    counts: counts(box === 'outgoing' ? { 'pending-outgoing': 1, completed: 1 } : { 'pending-incoming': 1 }),
  }))
})

test('counts per status and the list of the outgoing box', async () => {
  render(<InboxPage />)
  expect(await screen.findByText('李明')).toBeTruthy()
  expect(screen.getByText('全部 2')).toBeTruthy()
  expect(screen.getByText('待转出组织审批 1')).toBeTruthy()
  fireEvent.click(screen.getByText('已办结 1'))
  await waitFor(() => expect(mocked.inbox).toHaveBeenLastCalledWith('outgoing', 'completed'))
  await waitFor(() => expect(screen.queryByText('李明')).toBeNull())
})

test('switching to the incoming box', async () => {
  render(<InboxPage />)
  await screen.findByText('李明')
  fireEvent.click(screen.getByText('转入审批'))
  expect(await screen.findByText('陈晨')).toBeTruthy()
  expect(mocked.inbox).toHaveBeenLastCalledWith('incoming', undefined)
  expect(screen.queryByText('代为发起接转')).toBeNull()
})

test('a row opens the detail; the outgoing box can start on a graduate\'s behalf', async () => {
  render(<InboxPage />)
  fireEvent.click(await screen.findByText('李明'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminDetail, { id: 't-1', box: 'outgoing' })
  fireEvent.click(screen.getByText('代为发起接转'))
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminStart)
})

test('shows the API message', async () => {
  mocked.inbox!.mockRejectedValue(apiError(403, 'FORBIDDEN', '你没有权限查看'))
  render(<InboxPage />)
  expect(await screen.findByText('你没有权限查看')).toBeTruthy()
})

test('a role without an inbox says so', async () => {
  mocked.me!.mockResolvedValue({ ...collegeAdmin, roles: [{ role: 'counsellor', orgId: 'cs', orgName: '计算机学院团委' }] })
  render(<InboxPage />)
  expect(await screen.findByText('你的账号没有可处理的接转审批。')).toBeTruthy()
  expect(mocked.inbox).not.toHaveBeenCalled()
})
