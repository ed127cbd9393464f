import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Me, RequestView } from '@xianjie/contract'
import { api } from '../../api'
import { draftStore } from '../../store/draft'
import { apiError, graduate } from '../../../test/fixtures'
import ResolutionPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = api as unknown as Record<string, jest.Mock>
const tap = (text: string) => fireEvent.click(screen.getByText(text))
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })

/** Entered as a member by mistake, and the school's roster import has marked it so. */
const marked: Me = { ...graduate, member: { ...graduate.member!, isLeagueMember: false } }

const request = (partial: Partial<RequestView> = {}): RequestView => ({
  id: 'q-1', kind: 'record-deletion', subjectId: 'm-1', subjectName: '李明', deciderOrgId: 'chutian', payload: { isPartyMember: false },
  reason: '本人从未入团，系误录', status: 'pending', createdById: 'm-1', createdAt: '2026-06-01T02:00:00Z', decidedById: null, decidedAt: null,
  decisionComment: null, stage: 'school', forwardedById: null, forwardedAt: null, forwardComment: null, deciderOrgName: '楚天大学团委',
  subjectFullName: null, case: null, trail: [], ...partial,
})

beforeEach(() => {
  jest.clearAllMocks()
  draftStore.reset()
  draftStore.update({ answers: { isLeagueMember: false } })
  mocked.me!.mockResolvedValue(marked)
  mocked.requests!.mockResolvedValue({ items: [], total: 0 })
})

test('a record marked non-member: the form checks its answers before anything is sent, then files it and says who decides next', async () => {
  mocked.requestRecordDeletion!.mockResolvedValue(request())
  render(<ResolutionPage />)
  expect(await screen.findByText('你可以在这里直接提交删除申请，不用再跑学校。')).toBeTruthy()
  expect(mocked.requests).toHaveBeenCalledWith({ box: 'sent', limit: 200 })
  // No default: neither 是 nor 否 is chosen. The form follows the intro once 我提交的 has been read.
  expect((await screen.findByText('是')).getAttribute('aria-checked')).toBe('false')
  expect(screen.getByText('否').getAttribute('aria-checked')).toBe('false')
  tap('提交删除申请')
  expect(screen.getByText('请选择是否为中共党员（含预备党员）。')).toBeTruthy()
  expect(screen.getByText('请说明理由，至少 4 个字。')).toBeTruthy()
  tap('否')
  type('理由', ' 误录了 ')
  expect(screen.getByTestId('deletionReason-counter').textContent).toBe('5/200')
  tap('提交删除申请')
  expect(screen.queryByText('请选择是否为中共党员（含预备党员）。')).toBeNull()
  expect(screen.getByText('请说明理由，至少 4 个字。')).toBeTruthy()
  expect(mocked.requestRecordDeletion).not.toHaveBeenCalled()

  type('理由', '  本人从未入团，系误录  ')
  tap('提交删除申请')
  expect(await screen.findByText('删除申请已提交')).toBeTruthy()
  expect(mocked.requestRecordDeletion).toHaveBeenCalledTimes(1)
  expect(mocked.requestRecordDeletion).toHaveBeenCalledWith('m-1', { isPartyMember: false, reason: '本人从未入团，系误录' })
  expect(screen.getByText('等待 楚天大学团委 处理')).toBeTruthy()
  expect(screen.getByText('楚天大学团委核实情况；属实的，报省级团委。')).toBeTruthy()
  expect(screen.getByText('省级团委同意后，删除这条团员记录。')).toBeTruthy()
  expect(screen.getByText(/从首页“继续填写”回到这一页/)).toBeTruthy()
  expect(screen.queryByText('提交删除申请')).toBeNull()
})

test('a party member: the age rule is said up front, and the API\'s refusal is shown with what to do instead', async () => {
  mocked.requestRecordDeletion!.mockRejectedValue(
    apiError(422, 'PARTY_MEMBER_KEEPS_MEMBERSHIP', '28周岁以下的中共党员（含预备党员）保留团籍，不能删除团员记录'),
  )
  render(<ResolutionPage />)
  await screen.findByText('是')
  tap('是')
  expect(screen.getByText('28周岁以下的中共党员（含预备党员）保留团籍，不能删除团员记录；已满28周岁的可以申请。')).toBeTruthy()
  type('理由', '本人是党员，但从未入团')
  tap('提交删除申请')
  expect(await screen.findByRole('alert')).toBeTruthy()
  expect(screen.getByRole('alert').textContent).toBe('28周岁以下的中共党员（含预备党员）保留团籍，不能删除团员记录')
  expect(screen.getByText('你仍是团员。请点下面的“修改回答”，按团员办理组织关系转接。')).toBeTruthy()
  expect(mocked.requestRecordDeletion).toHaveBeenCalledWith('m-1', { isPartyMember: true, reason: '本人是党员，但从未入团' })
  // The form keeps what was typed.
  expect((screen.getByLabelText('理由') as HTMLInputElement).value).toBe('本人是党员，但从未入团')
  expect(screen.queryByText('删除申请已提交')).toBeNull()
})

test('one already open: the API\'s message, and nothing pretends it was filed', async () => {
  mocked.requestRecordDeletion!.mockRejectedValue(apiError(409, 'REQUEST_IN_PROGRESS', '已有同类申请正在处理，请等待上级组织处理后再提交'))
  render(<ResolutionPage />)
  await screen.findByText('否')
  tap('否')
  type('理由', '本人从未入团，系误录')
  tap('提交删除申请')
  expect(await screen.findByText('已有同类申请正在处理，请等待上级组织处理后再提交')).toBeTruthy()
  expect(screen.queryByText('删除申请已提交')).toBeNull()
})

test('back later: the request filed about oneself shows where it stands (the school passed it on), not a second form', async () => {
  mocked.requests!.mockResolvedValue({
    items: [
      request({ id: 'q-9', kind: 'township-correction', subjectId: 'guanshan' }),
      request({ id: 'q-2', stage: 'provincial', deciderOrgName: '共青团湖北省委', forwardedAt: '2026-06-03T02:00:00Z' }),
    ],
    total: 2,
  })
  render(<ResolutionPage />)
  expect(await screen.findByText('等待 共青团湖北省委 处理')).toBeTruthy()
  expect(screen.getByText('学校团委已核实，已报共青团湖北省委。')).toBeTruthy()
  expect(screen.getByText('共青团湖北省委同意后，删除这条团员记录。')).toBeTruthy()
  expect(screen.queryByText('提交删除申请')).toBeNull()
  expect(screen.queryByText('删除申请已提交')).toBeNull()
})

test('a rejected request says so, with the comment, and may be filed again', async () => {
  mocked.requests!.mockResolvedValue({ items: [request({ status: 'rejected', decisionComment: '经核实，你在2019年已入团' })], total: 1 })
  mocked.requestRecordDeletion!.mockResolvedValue(request({ id: 'q-3' }))
  render(<ResolutionPage />)
  expect(await screen.findByText('楚天大学团委 已驳回')).toBeTruthy()
  expect(screen.getByText('经核实，你在2019年已入团')).toBeTruthy()
  tap('重新提交')
  tap('否')
  type('理由', '入团材料系他人，本人从未入团')
  tap('提交删除申请')
  expect(await screen.findByText('删除申请已提交')).toBeTruthy()
  expect(mocked.requestRecordDeletion).toHaveBeenCalledWith('m-1', { isPartyMember: false, reason: '入团材料系他人，本人从未入团' })
})

test('a record still listed as a member: why the app cannot file it yet, who must mark it, and no form', async () => {
  mocked.me!.mockResolvedValue(graduate)
  render(<ResolutionPage />)
  expect(await screen.findByText('现在还不能在这里提交删除申请')).toBeTruthy()
  expect(screen.getByText('不需要转接')).toBeTruthy()
  expect(screen.getByText(/系统里你的记录仍登记为团员.*现在提交会被驳回/)).toBeTruthy()
  expect(screen.getByText(/请联系学校团委.*学校团组织核实并标记后，你可以回到这里提交/)).toBeTruthy()
  expect(screen.queryByText('提交删除申请')).toBeNull()
  await waitFor(() => expect(mocked.me).toHaveBeenCalled())
  expect(mocked.requests).not.toHaveBeenCalled()
  expect(mocked.requestRecordDeletion).not.toHaveBeenCalled()
})
