import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { MemberSummary } from '@xianjie/contract'
import { api } from '../../api'
import { nav, ROUTES } from '../../nav'
import { adminDraftFrom, adminDraftStore } from '../../store/draft'
import { ApiError } from '../../api/errors'
import { apiError, application, org, transfer } from '../../../test/fixtures'
import StartPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const tap = (text: string) => fireEvent.click(screen.getByText(text))
const member: MemberSummary = {
  id: 'm-1', name: '李明', idNumberMasked: '420***********0011', phone: '138****0001', phoneMasked: true, orgId: 'b-1',
  orgName: '计算机学院2021级1班团支部', graduationYear: 2025, isGraduate: true, place: 'branch',
}

beforeEach(() => {
  jest.clearAllMocks()
  adminDraftStore.reset()
  mocked.members!.mockResolvedValue([member])
})

async function pickMemberAndAnswer(region: string) {
  render(<StartPage />)
  fireEvent.input(screen.getByLabelText('输入姓名搜索'), { target: { value: '李明' } })
  tap('搜索')
  fireEvent.click(within((await screen.findByText('420***********0011 · 计算机学院2021级1班团支部')).closest('.member-row') as HTMLElement).getByText('选择'))
  expect(mocked.members).toHaveBeenCalledWith({ q: '李明' })
  // The admin answers about the member, not as the graduate.
  expect(screen.getByText('该团员毕业后的去向是？')).toBeTruthy()
  tap('已落实工作单位（含自主创业）')
  expect(screen.getByText('该团员目前是共青团员吗？')).toBeTruthy()
  tap('是，是团员')
  expect(screen.getByText('在系统里能查到该团员的团员信息吗？')).toBeTruthy()
  tap('能查到')
  expect(screen.getByText('该团员的工作单位（因公出国(境)的，指派出其的单位）有团组织吗？')).toBeTruthy()
  tap('有')
  expect(screen.queryByText(/你/, { selector: '.card-title' })).toBeNull()
  tap(region)
  // Let the receiver step's first load settle inside act, as a person would wait for it.
  await act(async () => {})
}

test('cross-system: the receiver\'s full official name is typed, then submitted for the member', async () => {
  mocked.startTransfer!.mockResolvedValue(transfer({ id: 't-9', crossSystem: true }))
  await pickMemberAndAnswer('北京')
  expect(screen.getByText('跨系统转接：请输入接收组织的完整官方名称')).toBeTruthy()
  tap('使用这个名称')
  expect(screen.getByText(/请填写接收团组织的完整官方名称/)).toBeTruthy()
  fireEvent.input(screen.getByLabelText('接收组织完整官方名称'), { target: { value: '北京的一家互联网公司' } })
  tap('使用这个名称')
  expect(screen.getByText(/接收组织的全称应以“团委”“团工委”“团总支”“团支部”结尾/)).toBeTruthy()
  expect(mocked.startTransfer).not.toHaveBeenCalled()
  fireEvent.input(screen.getByLabelText('接收组织完整官方名称'), { target: { value: '北京某某科技有限公司团委' } })
  tap('使用这个名称')
  fireEvent.input(screen.getByLabelText('备注'), { target: { value: '学生本人已确认单位全称' } })
  tap('确认提交')
  await waitFor(() => expect(mocked.startTransfer).toHaveBeenCalled())
  expect(mocked.startTransfer!.mock.calls[0][0]).toEqual({
    memberId: 'm-1',
    answers: { destination: 'employed', isLeagueMember: true, inSystem: true, employerHasLeagueOrg: true, receiverRegion: 'beijing' },
    targetOrgName: '北京某某科技有限公司团委',
    remarks: '学生本人已确认单位全称',
  })
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.adminDetail, { id: 't-9', box: 'outgoing' })
})

test('an ordinary transfer picks the receiver in the tree', async () => {
  mocked.orgs!.mockResolvedValue([org({ id: 'e-1', name: '光谷科技有限公司团委', kind: 'committee', domain: 'enterprise' })])
  mocked.startTransfer!.mockRejectedValue(apiError(409, 'TRANSFER_IN_PROGRESS', '已有业务正在办理（由李明本人发起）。'))
  await pickMemberAndAnswer('其他省（区、市）')
  fireEvent.click(within((await screen.findByText('光谷科技有限公司团委')).closest('.org-row') as HTMLElement).getByText('选这个'))
  tap('确认提交')
  expect(await screen.findByText('已有业务正在办理（由李明本人发起）。')).toBeTruthy()
  expect(mocked.startTransfer!.mock.calls[0][0].targetOrgId).toBe('e-1')
  // nothing is lost: the draft still holds member, answers and receiver
  expect(adminDraftStore.get().member?.id).toBe('m-1')
  expect(adminDraftStore.get().receiver?.orgId).toBe('e-1')
  // That refusal named no transfer of this admin's: no way to one is offered.
  expect(screen.queryByText('查看正在办理的申请')).toBeNull()
})

test('refused because the member has one under way that this admin is a party to: the way to it', async () => {
  mocked.orgs!.mockResolvedValue([org({ id: 'e-1', name: '光谷科技有限公司团委', kind: 'committee', domain: 'enterprise' })])
  mocked.startTransfer!.mockRejectedValue(new ApiError(409, {
    code: 'TRANSFER_IN_PROGRESS',
    message: '已有业务正在办理（由 李明（本人）于 2025-07-01 10:00 发起），请等它办结或撤回后再发起',
    openTransfer: { id: 't-9', startedBy: { id: 'm-1', name: '李明', party: 'member' }, createdAt: '2025-07-01T02:00:00Z' },
  }))
  await pickMemberAndAnswer('其他省（区、市）')
  fireEvent.click(within((await screen.findByText('光谷科技有限公司团委')).closest('.org-row') as HTMLElement).getByText('选这个'))
  tap('确认提交')
  await screen.findByText(/已有业务正在办理/)
  tap('查看正在办理的申请')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.adminDetail, { id: 't-9' })
})

test('no member found says so', async () => {
  mocked.members!.mockResolvedValue([])
  render(<StartPage />)
  tap('搜索')
  expect(await screen.findByText('没有找到团员。')).toBeTruthy()
})

test('a list at the API\'s cap says to search by name', async () => {
  mocked.members!.mockResolvedValue(Array.from({ length: 200 }, (_, i) => ({ ...member, id: `m-${i}`, name: `团员${i}` })))
  render(<StartPage />)
  tap('搜索')
  expect(await screen.findByText('只列出前 200 人：请输入姓名缩小范围。')).toBeTruthy()
})

test('the member was entered by mistake: the admin files the deletion here; a record not yet marked is explained, then the filed one is shown', async () => {
  mocked.requestRecordDeletion!
    .mockRejectedValueOnce(apiError(422, 'NOT_MARKED_NON_MEMBER', '只有被标记为误录（并非团员）的记录才能申请删除；团员本人请正常办理组织关系转接'))
    .mockResolvedValueOnce({
      id: 'q-1', kind: 'record-deletion', subjectId: 'm-1', subjectName: '李明', deciderOrgId: 'chutian', payload: { isPartyMember: false },
      reason: '经核实，该同学从未入团', status: 'pending', createdById: 'a-1', createdAt: '2026-06-01T02:00:00Z', decidedById: null, decidedAt: null,
      decisionComment: null, stage: 'school', forwardedById: null, forwardedAt: null, forwardComment: null, deciderOrgName: '楚天大学团委',
      subjectFullName: null, case: null, trail: [],
    })
  render(<StartPage />)
  tap('搜索')
  fireEvent.click(within((await screen.findByText('420***********0011 · 计算机学院2021级1班团支部')).closest('.member-row') as HTMLElement).getByText('选择'))
  tap('已落实工作单位（含自主创业）')
  tap('不是，被误录为团员')
  expect(await screen.findByText('申请删除误录的团员信息')).toBeTruthy()
  // Not a transfer that must wait: no "cannot submit yet" notice, no receiver.
  expect(screen.queryByText('现在还不能提交转接申请')).toBeNull()
  expect(screen.queryByText('接收组织')).toBeNull()

  fireEvent.input(screen.getByLabelText('理由'), { target: { value: '经核实，该同学从未入团' } })
  tap('提交删除申请')
  expect(screen.getByText('请选择是否为中共党员（含预备党员）。')).toBeTruthy()
  expect(mocked.requestRecordDeletion).not.toHaveBeenCalled()
  tap('否')
  tap('提交删除申请')
  expect(await screen.findByText(/只有被标记为误录/)).toBeTruthy()
  expect(screen.getByText(/在“导入名单”的“团员”工作表里把 TA 的“是否团员”填为“否”/)).toBeTruthy()
  expect(mocked.requestRecordDeletion).toHaveBeenLastCalledWith('m-1', { isPartyMember: false, reason: '经核实，该同学从未入团' })

  tap('提交删除申请')
  expect(await screen.findByText('删除申请已提交')).toBeTruthy()
  expect(screen.getByText('等待 楚天大学团委 处理')).toBeTruthy()
  expect(mocked.startTransfer).not.toHaveBeenCalled()
  tap('查看我提交的请求')
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.adminRequests, { box: 'sent' })
  expect(adminDraftStore.get().member).toBeNull()
})

test('修改申请: an application the admin started, changed and saved for the same member; a masked contact stays as it was', async () => {
  const started = transfer({
    id: 't-5', crossSystem: true, targetOrgId: null, targetOrgName: '北京某某科技有限公司团委', remarks: '旧备注',
    answers: { destination: 'employed', isLeagueMember: true, inSystem: true, employerHasLeagueOrg: true, receiverRegion: 'beijing' },
    application: application({ emergencyContact: { name: '李父', phone: '139****0009' } }),
    allowedActions: ['withdraw', 'modify'],
  })
  adminDraftStore.set(adminDraftFrom(started))
  mocked.modifyTransfer!.mockResolvedValue(started)
  render(<StartPage />)
  expect(screen.getByText('修改申请')).toBeTruthy()
  expect(screen.queryByText('更换团员')).toBeNull()
  // The answers as given: 下一步 through them keeps the receiver typed before.
  for (let i = 0; i < 5; i++) tap('下一步')
  await act(async () => {})
  expect((screen.getByLabelText('接收组织完整官方名称') as HTMLInputElement).value).toBe('北京某某科技有限公司团委')
  tap('使用这个名称')
  expect((screen.getByLabelText('紧急联系人姓名') as HTMLInputElement).value).toBe('')
  expect(screen.getByText('紧急联系人不填则保持原样（你看到的号码已打码）。')).toBeTruthy()
  fireEvent.input(screen.getByLabelText('备注'), { target: { value: '单位全称已核对' } })
  tap('保存修改')
  await waitFor(() => expect(mocked.modifyTransfer).toHaveBeenCalled())
  expect(mocked.modifyTransfer!.mock.calls[0]).toEqual(['t-5', {
    answers: { destination: 'employed', isLeagueMember: true, inSystem: true, employerHasLeagueOrg: true, receiverRegion: 'beijing' },
    targetOrgName: '北京某某科技有限公司团委',
    remarks: '单位全称已核对',
  }])
  expect(mocked.startTransfer).not.toHaveBeenCalled()
  expect(nav.back).toHaveBeenCalled()
  expect(adminDraftStore.get().editing).toBeUndefined()
})
