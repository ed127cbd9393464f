import { answerEmployedWithLeagueOrg, drillToEmployerBranch, fillAndSubmit } from './support/graduate'
import { COLLEGE_ADMIN, LI_MING, RECEIVING_ADMIN } from './support/people'
import { browserSession } from './support/session'

/**
 * Issue 5's happy path in the real H5 build against the real API: a graduate moves their
 * membership to their employer's branch; the college approves, the employer accepts.
 */
const session = browserSession('approved')

test('a graduate submits, the college approves, the employer accepts, the graduate sees 已办结', async () => {
  // 李明: first login, forced password change, the questionnaire, the employer's branch, submit.
  const graduate = await session.phone(LI_MING, { shots: true })
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
  const college = await session.phone(COLLEGE_ADMIN)
  await college.tap('管理员工作台')
  await college.see('李明')
  await college.shot('college-inbox')
  await college.tap('李明')
  await college.see('同意')
  await college.shot('college-detail')
  await college.tap('同意')
  await college.see('已同意，已转到下一环节。')
  await college.see('待转入组织审批')
  await college.shot('college-approved')
  await college.close()

  // 马书记 (the employer's committee) accepts; the receiver is the branch itself, so it completes.
  const employer = await session.phone(RECEIVING_ADMIN)
  await employer.tap('管理员工作台')
  await employer.tap(/^转入审批/)
  await employer.see('李明')
  await employer.shot('employer-inbox')
  await employer.tap('李明')
  await employer.tap('同意接收')
  await employer.see('已同意接收。')
  await employer.shot('employer-accepted')
  await employer.close()

  // 李明 sees it done.
  const back = await session.phone(LI_MING)
  await back.tap('我的接转')
  await back.see('已办结')
  // The receiver with its parent, as every list and card shows an org.
  await back.see('东风智造集团有限公司团委 › 研发中心团支部')
  await back.shot('completed')
  await back.close()
})
