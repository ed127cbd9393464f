import type { Browser } from 'playwright-core'
import { startApi, type ApiServer } from './support/api-server'
import { answerEmployedWithLeagueOrg, drillToEmployerBranch, fillAndSubmit } from './support/graduate'
import { COLLEGE_ADMIN, LI_MING, Logins, RECEIVING_ADMIN } from './support/people'
import { launchChromium, Phone } from './support/phone'

/**
 * Issue 5's happy path in the real H5 build against the real API: a graduate moves their
 * membership to their employer's branch; the college approves, the employer accepts.
 */
let api: ApiServer
let browser: Browser
let logins: Logins
const phones: Phone[] = []

beforeAll(async () => {
  api = await startApi()
  browser = await launchChromium()
  logins = new Logins(browser, api.base, 'approved')
})

afterAll(async () => {
  await browser?.close()
  await api?.stop()
})

afterEach(() => {
  const errors = phones.flatMap((p) => p.errors)
  phones.length = 0
  expect(errors).toEqual([])
})

async function phoneOf(...args: Parameters<Logins['phone']>): Promise<Phone> {
  const phone = await logins.phone(...args)
  phones.push(phone)
  return phone
}

test('a graduate submits, the college approves, the employer accepts, the graduate sees 已办结', async () => {
  // 李明: first login, forced password change, the questionnaire, the employer's branch, submit.
  const graduate = await phoneOf(LI_MING, { shots: true })
  await graduate.see('开始办理组织关系转接')
  await graduate.shot('home')
  await graduate.tap('开始办理组织关系转接')
  await answerEmployedWithLeagueOrg(graduate, true)
  await drillToEmployerBranch(graduate, '研发中心团支部', true)
  await fillAndSubmit(graduate, '已签约东风智造研发中心', true)
  await graduate.see('申请已提交')
  await graduate.shot('submitted')
  await graduate.close()

  // 王老师 (college league committee) approves the outgoing step.
  const college = await phoneOf(COLLEGE_ADMIN)
  await college.tap('管理员工作台')
  await college.see('李明')
  await college.shot('college-inbox')
  await college.tap('李明')
  await college.see('同意')
  await college.shot('college-detail')
  await college.tap('同意')
  await college.see('已处理')
  await college.see('待转入组织审批')
  await college.shot('college-approved')
  await college.close()

  // 马书记 (the employer's committee) accepts; the receiver is the branch itself, so it completes.
  const employer = await phoneOf(RECEIVING_ADMIN)
  await employer.tap('管理员工作台')
  await employer.tap('转入审批')
  await employer.see('李明')
  await employer.shot('employer-inbox')
  await employer.tap('李明')
  await employer.tap('同意接收')
  await employer.see('已处理')
  await employer.shot('employer-accepted')
  await employer.close()

  // 李明 sees it done.
  const back = await phoneOf(LI_MING)
  await back.tap('我的接转')
  await back.see('已办结')
  await back.see('研发中心团支部')
  await back.shot('completed')
  await back.close()
})
