import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { api } from '../../api'
import { nav, ROUTES } from '../../nav'
import { apiError, org, transfer } from '../../../test/fixtures'
import PullInPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>
const tap = (text: string) => fireEvent.click(screen.getByText(text))
const ID = '420111200401010017'
const school = org({ id: 'grad', name: '楚天大学研究生新生团总支', kind: 'general-branch', domain: 'school', purpose: 'new-students', hasChildren: true })
const klass = org({ id: 'grad-1', name: '2026级硕士研究生第一团支部', kind: 'branch', domain: 'school', purpose: 'class', path: [{ id: 'grad', name: school.name }, { id: 'grad-1', name: '2026级硕士研究生第一团支部' }] })
const found = { name: '张三', idNumberMasked: '420111********0017', phoneMasked: '138****0001', orgName: '江城工业大学团委', transferOpen: false }

beforeEach(() => {
  jest.clearAllMocks()
  mocked.me!.mockResolvedValue({ id: 'a-1', name: '曹老师', roles: [{ role: 'org-admin', orgId: 'grad' }], member: null })
  mocked.org!.mockResolvedValue(school)
  mocked.orgs!.mockResolvedValue([klass])
  mocked.pullInWaiting!.mockResolvedValue({ items: [], total: 0 })
})

async function lookUp(result: unknown = found) {
  render(<PullInPage />)
  await act(async () => {})
  mocked.pullInLookup!.mockImplementation(() => (result instanceof Error ? Promise.reject(result) : Promise.resolve(result)))
  fireEvent.input(screen.getByLabelText('姓名'), { target: { value: ' 张三 ' } })
  fireEvent.input(screen.getByLabelText('身份证号'), { target: { value: ID } })
  tap('核对身份')
  await act(async () => {})
}

test('a new school pulls a student in: whom it found, the questionnaire with further study chosen, its own branch, then the detail', async () => {
  mocked.startTransfer!.mockResolvedValue(transfer({ id: 't-7' }))
  await lookUp()
  expect(mocked.pullInLookup).toHaveBeenCalledWith(ID, '张三')
  const card = screen.getByText('找到的团员').closest('.card') as HTMLElement
  expect(within(card).getByText('138****0001')).toBeTruthy()
  expect(within(card).getByText('江城工业大学团委')).toBeTruthy()
  tap('是这名团员，继续')
  // Further study (the admitted-school path) is already chosen: the questions go on from the next one.
  tap('是，是团员')
  tap('能查到')
  expect(screen.getByText('已经建好，能在系统里找到').closest('.option')!.getAttribute('aria-checked')).toBe('true')
  tap('下一步')
  tap('其他省（区、市）')
  await act(async () => {})
  // Only its own orgs: the school's org itself, or a branch below it.
  fireEvent.click(within((await screen.findByText('2026级硕士研究生第一团支部')).closest('.org-row') as HTMLElement).getByText('选这个'))
  fireEvent.input(screen.getByLabelText('备注'), { target: { value: '2026级新生' } })
  tap('确认提交')
  await waitFor(() => expect(mocked.startTransfer).toHaveBeenCalled())
  expect(mocked.startTransfer!.mock.calls[0][0]).toEqual({
    memberIdNumber: ID,
    memberName: '张三',
    answers: { destination: 'further-study', isLeagueMember: true, inSystem: true, admittedSchoolOrgReady: true, receiverRegion: 'other' },
    targetOrgId: 'grad-1',
    remarks: '2026级新生',
  })
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.adminDetail, { id: 't-7', box: 'incoming' })
})

test("the school's own org may receive; a refusal is shown and nothing moves on", async () => {
  mocked.startTransfer!.mockRejectedValue(apiError(409, 'TRANSFER_IN_PROGRESS', '已有业务正在办理，请等它办结或撤回后再发起'))
  await lookUp()
  tap('是这名团员，继续')
  tap('是，是团员')
  tap('能查到')
  tap('下一步')
  tap('其他省（区、市）')
  await act(async () => {})
  tap('由本组织接收：楚天大学研究生新生团总支')
  tap('确认提交')
  expect(await screen.findByText('已有业务正在办理，请等它办结或撤回后再发起')).toBeTruthy()
  expect(mocked.startTransfer!.mock.calls[0][0].targetOrgId).toBe('grad')
  expect(nav.replace).not.toHaveBeenCalled()
})

test('a wrong name or ID number shows the API\'s one answer; a bad ID is caught before asking', async () => {
  render(<PullInPage />)
  await act(async () => {})
  fireEvent.input(screen.getByLabelText('姓名'), { target: { value: '张三' } })
  fireEvent.input(screen.getByLabelText('身份证号'), { target: { value: '12345' } })
  tap('核对身份')
  expect(screen.getByText('请填写 18 位身份证号')).toBeTruthy()
  expect(mocked.pullInLookup).not.toHaveBeenCalled()
  mocked.pullInLookup!.mockRejectedValue(apiError(404, 'MEMBER_NOT_FOUND', '该团员不存在或不在您的管理范围内'))
  fireEvent.input(screen.getByLabelText('身份证号'), { target: { value: ID } })
  tap('核对身份')
  expect(await screen.findByText('该团员不存在或不在您的管理范围内')).toBeTruthy()
  expect(screen.queryByText('是这名团员，继续')).toBeNull()
})

test('a member with an open transfer cannot be pulled in', async () => {
  await lookUp({ ...found, transferOpen: true })
  expect(screen.getByText('这名团员已有业务正在办理，需等它办结或撤回后才能发起转入。')).toBeTruthy()
  expect(screen.queryByText('是这名团员，继续')).toBeNull()
})

test('a batch file: every row answered', async () => {
  mocked.pullInBatch!.mockResolvedValue({
    total: 2,
    counts: { started: 1, 'not-found': 1, 'in-progress': 0, 'not-fitting': 0, invalid: 0 },
    rows: [
      { row: 2, memberName: '张三', idNumberMasked: '420111********0017', status: 'started', transferId: 't-1', message: '已发起转入' },
      { row: 3, memberName: '李四', idNumberMasked: '420111********0025', status: 'not-found', message: '姓名与身份证号不匹配，或系统中没有这名团员' },
    ],
  })
  render(<PullInPage />)
  await act(async () => {})
  const input = screen.getByTestId('pull-in-file') as HTMLInputElement
  const file = new File(['xlsx'], 'intake.xlsx')
  Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.resolve(new TextEncoder().encode('xlsx').buffer) })
  fireEvent.change(input, { target: { files: [file] } })
  expect(await screen.findByText('共 2 行，已发起 1 行')).toBeTruthy()
  expect(mocked.pullInBatch).toHaveBeenCalled()
  const rows = screen.getByTestId('pull-in-result')
  expect(within(rows).getByText('未找到')).toBeTruthy()
  expect(within(rows).getByText(/姓名与身份证号不匹配/)).toBeTruthy()
})

test('the waiting graduates who named this school are listed masked, counted in full and loaded a page at a time; picking one fills in the name', async () => {
  const waiting = (n: number) => ({
    memberId: `m-${n}`, name: n === 1 ? '王五' : `毕业生${n}`, idNumberMasked: '420111********0033', phoneMasked: '138****0009', orgName: '计科2101班团支部',
    typedSchoolName: '楚天大学', newStudentsOrg: { id: 'grad', name: school.name }, notifiedAt: '2026-09-01T00:00:00.000Z',
  })
  mocked.pullInWaiting!.mockResolvedValueOnce({ items: [waiting(1)], total: 2 }).mockResolvedValueOnce({ items: [waiting(2)], total: 2 })
  render(<PullInPage />)
  expect(await screen.findByText('待转入新生 2')).toBeTruthy()
  expect(mocked.pullInWaiting).toHaveBeenCalledWith({ limit: 50 })
  expect(screen.getByText('计科2101班团支部 · 填报学校：楚天大学')).toBeTruthy()
  fireEvent.click(screen.getByText('加载更多（还有 1 条）'))
  expect(await screen.findByText(/毕业生2/)).toBeTruthy()
  expect(mocked.pullInWaiting).toHaveBeenLastCalledWith({ limit: 50, offset: 1 })
  expect(screen.queryByText(/加载更多/)).toBeNull()
  fireEvent.click(screen.getAllByText('按此核对')[0]!)
  expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('王五')
  expect((screen.getByLabelText('身份证号') as HTMLInputElement).value).toBe('')
})
