import { fireEvent, render, screen, within } from '@testing-library/react'
import { api } from '../../api'
import { nav, ROUTES, useParams } from '../../nav'
import { apiError, reminderTrack } from '../../../test/fixtures'
import RemindersPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)

beforeEach(() => {
  jest.clearAllMocks()
  ;(useParams as jest.Mock).mockReturnValue({ orgId: 'chutian-cs' })
})

const row = (memberId: string) => document.querySelector(`[data-member-id="${memberId}"]`) as HTMLElement

/** The API over a fixed list: pages of it, and the summary counted over all of it. */
function serve(all: ReturnType<typeof reminderTrack>[]) {
  mocked.reminders!.mockImplementation(async ({ limit = 100, offset = 0 } = {}) => ({ items: all.slice(offset, offset + limit), total: all.length }))
  mocked.reminderSummary!.mockResolvedValue({
    sent: all.length, opened: all.filter((r) => r.openedAt).length, started: all.filter((r) => r.startedAt).length, completed: all.filter((r) => r.completedAt).length,
  })
}

test('each link: opened? started since? completed? expired?', async () => {
  serve([
    reminderTrack({ id: 'r1', memberId: 'm-3', memberName: '张伟', openedAt: '2026-11-20T03:00:00Z', openCount: 2,
      startedAt: '2026-11-20T04:00:00Z', startedAfterReminder: true }),
    reminderTrack({ id: 'r2', memberId: 'm-4', memberName: '刘洋', expired: true }),
    reminderTrack({ id: 'r3', memberId: 'm-1', memberName: '李明', openedAt: '2026-11-20T03:00:00Z', openCount: 1,
      startedAt: '2026-11-01T04:00:00Z', startedAfterReminder: false, completedAt: '2026-11-21T04:00:00Z' }),
  ])
  render(<RemindersPage />)
  expect(await screen.findByText('共 3 条 · 已打开 2 · 已发起 2 · 已办结 1')).toBeTruthy()
  expect(mocked.reminders).toHaveBeenCalledWith({ orgId: 'chutian-cs', limit: 100 })
  expect(mocked.reminderSummary).toHaveBeenCalledWith({ orgId: 'chutian-cs' })
  expect(within(row('m-3')).getByText('已打开 2 次')).toBeTruthy()
  expect(within(row('m-3')).getByText('已发起')).toBeTruthy()
  expect(within(row('m-4')).getByText('未打开')).toBeTruthy()
  expect(within(row('m-4')).getByText('未发起')).toBeTruthy()
  expect(within(row('m-4')).getByText('已过期')).toBeTruthy()
  expect(within(row('m-1')).getByText('提醒前已发起')).toBeTruthy()
  expect(within(row('m-1')).getByText('已办结')).toBeTruthy()
  expect(within(row('m-1')).getByText(/陈老师发送$/)).toBeTruthy()
})

test('refreshes on demand', async () => {
  serve([])
  render(<RemindersPage />)
  expect(await screen.findByText('还没有发出过提醒链接。')).toBeTruthy()
  serve([reminderTrack({ id: 'r1', memberId: 'm-3', memberName: '张伟' })])
  fireEvent.click(screen.getByText('刷新'))
  expect(await screen.findByText('张伟')).toBeTruthy()
  expect(screen.getByText('共 1 条 · 已打开 0 · 已发起 0 · 已办结 0')).toBeTruthy()
})

test('more links than a page: the summary counts them all, the rest one tap away', async () => {
  serve(Array.from({ length: 230 }, (_, i) => reminderTrack({ id: `r${i}`, memberId: `m-${i}`, memberName: `毕业生${i}`, openedAt: i % 2 ? '2026-11-20T03:00:00Z' : null })))
  render(<RemindersPage />)
  expect(await screen.findByText('共 230 条 · 已打开 115 · 已发起 0 · 已办结 0')).toBeTruthy()
  expect(screen.getAllByText(/^毕业生\d+/)).toHaveLength(100)
  fireEvent.click(screen.getByText('加载更多（还有 130 条）'))
  expect(await screen.findByText('加载更多（还有 30 条）')).toBeTruthy()
  expect(mocked.reminders).toHaveBeenLastCalledWith({ orgId: 'chutian-cs', limit: 100, offset: 100 })
  fireEvent.click(screen.getByText('加载更多（还有 30 条）'))
  expect(await screen.findByText('毕业生229')).toBeTruthy()
  expect(screen.queryByText(/加载更多/)).toBeNull()
  expect(screen.getAllByText(/^毕业生\d+/)).toHaveLength(230)
})

test('a failure shows its message', async () => {
  mocked.reminders!.mockRejectedValue(apiError(403, 'FORBIDDEN', '只有辅导员和团组织管理员可以发送提醒'))
  render(<RemindersPage />)
  expect(await screen.findByText('只有辅导员和团组织管理员可以发送提醒')).toBeTruthy()
  fireEvent.click(screen.getByText('返回进度'))
  expect(nav.back).toHaveBeenCalledWith(ROUTES.adminCampaign)
})
