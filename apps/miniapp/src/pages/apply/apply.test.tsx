import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { api } from '../../api'
import { nav, ROUTES } from '../../nav'
import { draftStore } from '../../store/draft'
import { ApiError } from '../../api/errors'
import { apiError, graduate, networkError, transfer } from '../../../test/fixtures'
import ApplyPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)
const employed = { destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'other' } as const
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })
const tap = (text: string) => fireEvent.click(screen.getByText(text))

beforeEach(() => {
  jest.clearAllMocks()
  draftStore.reset()
  mocked.me!.mockResolvedValue(graduate)
})

/** Renders the form and waits until the account has loaded into it, so no update lands after a test. */
async function startEmployed() {
  draftStore.update({ answers: { ...employed }, receiver: { orgId: 'e-branch', orgName: '光谷科技有限公司团支部' } })
  render(<ApplyPage />)
  await screen.findByText(graduate.phone)
}

function fillContact() {
  type('紧急联系人姓名', '李父')
  type('紧急联系人手机号', '13900000009')
}

test('prefilled from the account, with the chosen receiver', async () => {
  await startEmployed()
  expect(await screen.findByText('420***********0011')).toBeTruthy()
  expect(screen.getAllByText('李明').length).toBeGreaterThan(0)
  expect(screen.getByText('13800000001')).toBeTruthy()
  expect(screen.getByText('光谷科技有限公司团支部')).toBeTruthy()
})

test('remarks count live up to 100', async () => {
  await startEmployed()
  expect(screen.getByText('0/100')).toBeTruthy()
  type('备注', '希望尽快办理')
  expect(screen.getByText('6/100')).toBeTruthy()
  expect(draftStore.get().fields.remarks).toBe('希望尽快办理')
})

test('the emergency contact is checked before the confirm step', async () => {
  await startEmployed()
  tap('下一步：核对信息')
  expect(screen.getByText('请填写紧急联系人姓名。')).toBeTruthy()
  type('紧急联系人姓名', '李父')
  type('紧急联系人手机号', '12345')
  tap('下一步：核对信息')
  expect(screen.getByText('手机号格式不正确。')).toBeTruthy()
  expect(screen.queryByText('确认申请')).toBeNull()
  // Someone else to call: not the graduate's own mobile.
  type('紧急联系人手机号', graduate.phone)
  tap('下一步：核对信息')
  expect(screen.getByText(/紧急联系人应是本人以外的人/)).toBeTruthy()
  expect(screen.queryByText('确认申请')).toBeNull()
})

test('confirm, submit, then to 我的接转', async () => {
  mocked.startTransfer!.mockResolvedValue(transfer())
  await startEmployed()
  fillContact()
  type('备注', '已签约')
  tap('下一步：核对信息')
  expect(screen.getByText('确认申请')).toBeTruthy()
  expect(screen.getByText('已签约')).toBeTruthy()
  tap('确认提交')
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.transfer, { submitted: 't-1' }))
  expect(mocked.startTransfer).toHaveBeenCalledWith({
    answers: employed,
    targetOrgId: 'e-branch',
    remarks: '已签约',
    emergencyContact: { name: '李父', phone: '13900000009' },
  })
  expect(draftStore.get().answers).toEqual({})
})

test('修改申请: the same form, prefilled; saving changes the submitted transfer instead of starting one', async () => {
  mocked.modifyTransfer!.mockResolvedValue(transfer())
  draftStore.set({
    answers: { ...employed },
    receiver: { orgId: 'e-branch', orgName: '光谷科技有限公司团支部' },
    fields: { emergencyName: '李父', emergencyPhone: '13900000009', remarks: '七月入职', retentionWhere: '', retentionMonths: '', retentionContact: '' },
    editing: 't-1',
  })
  render(<ApplyPage />)
  await screen.findByText(graduate.phone)
  expect(screen.getByText('修改申请')).toBeTruthy()
  type('备注', '八月入职')
  tap('下一步：核对信息')
  tap('保存修改')
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalledWith(ROUTES.transfer, { modified: 't-1' }))
  expect(mocked.modifyTransfer).toHaveBeenCalledWith('t-1', {
    answers: employed,
    targetOrgId: 'e-branch',
    remarks: '八月入职',
    emergencyContact: { name: '李父', phone: '13900000009' },
  })
  expect(mocked.startTransfer).not.toHaveBeenCalled()
  expect(draftStore.get().editing).toBeUndefined()
})

test('a refusal shows its Chinese message and keeps everything typed', async () => {
  mocked.startTransfer!.mockRejectedValue(apiError(409, 'TRANSFER_IN_PROGRESS', '已有业务正在办理（由王老师发起），不能重复发起。'))
  await startEmployed()
  fillContact()
  tap('下一步：核对信息')
  tap('确认提交')
  expect(await screen.findByText('已有业务正在办理（由王老师发起），不能重复发起。')).toBeTruthy()
  expect(draftStore.get().fields.emergencyName).toBe('李父')
  expect(nav.relaunch).not.toHaveBeenCalled()
  // a network failure: same, and a retry works
  mocked.startTransfer!.mockRejectedValueOnce(networkError())
  tap('确认提交')
  expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
  mocked.startTransfer!.mockResolvedValueOnce(transfer())
  tap('确认提交')
  await waitFor(() => expect(nav.relaunch).toHaveBeenCalled())
})

test('field errors from the API go back to the form, beside their inputs', async () => {
  mocked.startTransfer!.mockRejectedValue(
    apiError(400, 'VALIDATION_FAILED', '请检查填写的内容', [{ field: 'emergencyContact.phone', message: '该手机号不可用' }]),
  )
  await startEmployed()
  fillContact()
  tap('下一步：核对信息')
  tap('确认提交')
  expect(await screen.findByText('该手机号不可用')).toBeTruthy()
  expect((screen.getByLabelText('紧急联系人手机号') as HTMLInputElement).value).toBe('13900000009')
})

test('study abroad asks for the retention application', async () => {
  mocked.startTransfer!.mockResolvedValue(transfer({ path: 'retention' }))
  draftStore.update({
    answers: { destination: 'study-abroad', isLeagueMember: true, inSystem: true },
    receiver: { orgId: 'b-abroad', orgName: '出国(境)学习研究团员团支部' },
  })
  render(<ApplyPage />)
  await screen.findByText(graduate.phone)
  fillContact()
  tap('下一步：核对信息')
  expect(screen.getByText('请填写去往国家（地区）及学校。')).toBeTruthy()
  type('去往国家（地区）及学校', '英国 爱丁堡大学')
  type('预计时长（月）', '12')
  type('国内联系人及电话', '李父 13900000009')
  tap('下一步：核对信息')
  tap('确认提交')
  await waitFor(() => expect(mocked.startTransfer).toHaveBeenCalled())
  expect(mocked.startTransfer!.mock.calls[0][0].retention).toEqual({ where: '英国 爱丁堡大学', months: 12, domesticContact: '李父 13900000009' })
})

test('without a receiver the form asks for one', async () => {
  draftStore.update({ answers: { ...employed } })
  render(<ApplyPage />)
  await screen.findByText(graduate.phone)
  fillContact()
  tap('下一步：核对信息')
  expect(screen.queryByText('确认申请')).toBeNull()
  expect(screen.getByText('请先选择接收组织。')).toBeTruthy()
  tap('选择接收组织')
  expect(nav.to).toHaveBeenCalledWith(ROUTES.receiver)
})

test('study abroad: the own school\'s study-abroad branch is the receiver, named, never searched', async () => {
  mocked.startTransfer!.mockResolvedValue(transfer())
  mocked.me!.mockResolvedValue({
    ...graduate,
    member: { ...graduate.member!, schoolBranches: { 'study-abroad': { id: 's-abroad', name: '楚天大学出国(境)学习研究团员团支部' } } },
  })
  draftStore.update({ answers: { destination: 'study-abroad' } })
  render(<ApplyPage />)
  expect(await screen.findByText('楚天大学出国(境)学习研究团员团支部')).toBeTruthy()
  expect(screen.queryByText('选择接收组织')).toBeNull()
  fillContact()
  type('去往国家（地区）及学校', '英国 某大学')
  type('预计时长（月）', '12')
  type('国内联系人及电话', '李父 13900000009')
  tap('下一步：核对信息')
  tap('确认提交')
  await waitFor(() => expect(mocked.startTransfer).toHaveBeenCalledWith(expect.objectContaining({
    answers: { destination: 'study-abroad' }, targetOrgId: 's-abroad',
  })))
})

test('redoing a rejected application: why it was rejected, above the form kept from it', async () => {
  draftStore.set({
    answers: { ...employed },
    receiver: { orgId: 'e-branch', orgName: '光谷科技有限公司团支部', pathText: '光谷科技有限公司团委 › 光谷科技有限公司团支部' },
    fields: { emergencyName: '李父', emergencyPhone: '13900000009', remarks: '', retentionWhere: '', retentionMonths: '', retentionContact: '' },
    rejectedReason: '单位名称有误',
  })
  render(<ApplyPage />)
  await screen.findByText(graduate.phone)
  expect(screen.getByText('单位名称有误')).toBeTruthy()
  // The kept receiver, with where it sits, beside 更换.
  expect(screen.getByText('光谷科技有限公司团委 › 光谷科技有限公司团支部')).toBeTruthy()
  expect(screen.getByText('更换')).toBeTruthy()
  expect((screen.getByLabelText('紧急联系人姓名') as HTMLInputElement).value).toBe('李父')
  expect(screen.getByText('填写申请')).toBeTruthy()
})

/** 确认提交 refused with 409 TRANSFER_IN_PROGRESS, naming the open application and who started it. */
async function submitIntoOpen(startedBy: { id: string; name: string; party: string }, createdAt = new Date(Date.now() - 60_000).toISOString()) {
  mocked.startTransfer!.mockRejectedValue(new ApiError(409, {
    code: 'TRANSFER_IN_PROGRESS',
    message: `已有业务正在办理（由 ${startedBy.name} 于 2025-07-01 10:00 发起），请等它办结或撤回后再发起`,
    openTransfer: { id: 't-9', startedBy, createdAt },
  }))
  await startEmployed()
  fillContact()
  tap('下一步：核对信息')
  tap('确认提交')
}

// UX walk: the reply to 确认提交 lost on a bad connection, the second tap answered in red that one was
// under way — the graduate's own, which had arrived.
test('sent already by the graduate (a lost reply, tapped again): says it arrived, no failure, and the way to it', async () => {
  await submitIntoOpen({ id: 'm-1', name: '李明', party: 'member' })
  expect(await screen.findByText(/^你在 \d{4}-\d\d-\d\d \d\d:\d\d 提交的申请已经收到，不用再次提交。$/)).toBeTruthy()
  expect(screen.queryByRole('alert')).toBeNull()
  expect(screen.queryByText('确认提交')).toBeNull()
  tap('查看正在办理的申请')
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.transfer)
})

test.each([
  ['by an admin', { id: 'a-9', name: '许书记', party: 'outgoing' }, undefined],
  ['by themselves days ago', { id: 'm-1', name: '李明', party: 'member' }, '2025-07-01T02:00:00Z'],
])('refused because one is open, %s: the message and the way to that application', async (_by, startedBy, createdAt) => {
  await submitIntoOpen(startedBy, createdAt)
  expect(await screen.findByText(/已有业务正在办理/)).toBeTruthy()
  // Sending it again cannot help: the way to the open one takes the button's place.
  expect(screen.queryByText('确认提交')).toBeNull()
  tap('查看正在办理的申请')
  expect(nav.replace).toHaveBeenCalledWith(ROUTES.transfer)
})

test('a refusal that names no application of theirs offers no link to one', async () => {
  mocked.startTransfer!.mockRejectedValue(apiError(409, 'TRANSFER_IN_PROGRESS', '已有业务正在办理，请等它办结或撤回后再发起'))
  await startEmployed()
  fillContact()
  tap('下一步：核对信息')
  tap('确认提交')
  await screen.findByText(/已有业务正在办理/)
  expect(screen.queryByText('查看正在办理的申请')).toBeNull()
})

test('with an application under way, the form is not offered for a second one', async () => {
  mocked.memberTransfers!.mockResolvedValue([transfer({ status: 'pending-outgoing' })])
  draftStore.update({ answers: { ...employed }, receiver: { orgId: 'e-branch', orgName: '光谷科技有限公司团支部' } })
  render(<ApplyPage />)
  expect(await screen.findByText('你已有一笔转接正在办理')).toBeTruthy()
  expect(screen.queryByText('下一步：核对信息')).toBeNull()
})
