import { beijingDateString, addMonths } from '@xianjie/rules'
import { fillAndSubmit, orgRow } from './support/graduate'
import { COLLEGE_ADMIN, TOWNSHIP_ADMIN, YANG_FAN } from './support/people'
import { browserSession } from './support/session'

/**
 * Issue 12's township refusal in the real H5 build against the real API: a graduate not placed yet
 * goes home to 关山街道's transition branch; the college approves; the township refuses. The
 * school does not hit a dead end: it sees whom to call at the township, escalates to the 区县团委,
 * then the city, keeps the member meanwhile (≤ 6 months), and the county's floating branch is
 * offered as the fallback. The graduate sees the same path on the transfer page.
 */
const session = browserSession('township')

const REASON = '该同学户籍和居住地都不在本街道'

test('a township refuses; the school escalates level by level and keeps the member meanwhile', async () => {
  // 杨帆, not placed yet: home to the township's transition branch (学社衔接临时团支部).
  const graduate = await session.phone(YANG_FAN)
  await graduate.tap('开始办理组织关系转接')
  await graduate.tap('暂未落实去向')
  await graduate.tap('转回户籍地、生源地或居住地的乡镇（街道）团组织')
  await graduate.tap('其他省（区、市）')
  await graduate.shot('resolution')
  await graduate.tap('选择接收组织')
  await graduate.type('输入组织名称搜索', '学社衔接')
  await orgRow(graduate, '学社衔接临时团支部').waitFor()
  await graduate.shot('picker')
  await orgRow(graduate, '学社衔接临时团支部').getByText('选这个').click()
  await fillAndSubmit(graduate, '毕业后回关山街道居住')
  await graduate.close()

  // 王老师 (计算机学院团委) approves the outgoing step.
  const college = await session.phone(COLLEGE_ADMIN)
  await college.tap('管理员工作台')
  await college.tap('杨帆')
  await college.tap('同意')
  await college.see('已同意，已转到下一环节。')
  await college.close()

  // 宋书记 (关山街道团工委) refuses, with a reason.
  const township = await session.phone(TOWNSHIP_ADMIN)
  await township.tap('管理员工作台')
  await township.tap(/^转入审批/)
  await township.tap('杨帆')
  await township.tap('不同意')
  await township.type('不同意的原因（必填）', REASON)
  await township.shot('township-refuses')
  await township.tap('确认不同意')
  await township.see('已驳回，团员会看到你写的原因。')
  await township.close()

  // 王老师 opens the refused transfer: the path, whom to call now, the fallback.
  const school = await session.phone(COLLEGE_ADMIN)
  await school.tap('管理员工作台')
  // Closed as 已驳回, but not done: the school's follow-up, in sight on the workbench.
  await school.see('乡镇（街道）不接收，待学校跟进')
  expect(await school.visible('没有待处理的接转，都处理完了。').isVisible()).toBe(false)
  await school.shot('school-inbox')
  await school.tap('杨帆')
  await school.see('乡镇（街道）不接收：逐级反映')
  await school.see(REASON)
  await school.see('请联系关山街道团工委')
  await school.see('宋书记 13927000007')
  await school.see(/兜底接收：洪山区流动团员团支部/)
  await school.shot('school-refused')

  // To the 区县团委: its admin is the one to call now, and the history says who and when.
  expect(await school.page.locator('.btn', { hasText: /^向.+反映$/ }).count()).toBe(1)
  await school.type('反映情况（选填）', '已电话联系街道，仍不接收')
  await school.tap('向共青团武汉市洪山区委反映')
  await school.see('已上报上一级，接下来请联系上面列出的组织。')
  await school.see('请联系共青团武汉市洪山区委')
  await school.see('韩书记 13927000008')
  await school.see('已向共青团武汉市洪山区委（区县团委）反映：已电话联系街道，仍不接收')
  // Who took the step, and when.
  const step = await school.page.locator('.event', { hasText: '已向共青团武汉市洪山区委' }).innerText()
  expect(step).toMatch(/^向上级团组织反映\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+王老师\s/)
  await school.shot('school-escalated-county')

  // Then the city; nothing higher after it.
  await school.tap('向共青团武汉市委反映')
  await school.see('请联系共青团武汉市委')
  await school.see('已向共青团武汉市委（市级团委）反映')
  expect(await school.page.locator('.btn', { hasText: /^向.+反映$/ }).count()).toBe(0)
  await school.shot('school-escalated-city')

  // Meanwhile the school keeps her, at most 6 months.
  const until = beijingDateString(addMonths(new Date(), 3))
  await school.tap('学校暂时保留（最长6个月）')
  await school.type('保留到（日期，如 2027-01-01）', until)
  await school.shot('school-retain')
  await school.tap('确定保留')
  await school.see(`学校暂时保留至 ${until}`)
  await school.see(`学校暂时保留至${until}，等待关山街道团工委接收`)
  expect(await school.visible('学校暂时保留（最长6个月）').isVisible()).toBe(false)
  await school.shot('school-retained')
  await school.close()

  // Kept meanwhile means listed in the school's retention ledger, until that day.
  const ledger = await session.phone(COLLEGE_ADMIN)
  await ledger.tap('毕业生转接进度与提醒')
  await ledger.tap('保留台账')
  const row = ledger.page.locator('.page.ledger').getByRole('checkbox', { name: '杨帆' })
  await row.waitFor()
  expect(await row.innerText()).toContain(`最长至 ${until}`)
  expect(await row.innerText()).toContain('楚天大学流动团员团支部')
  await ledger.shot('ledger')
  await ledger.close()

  // 杨帆 sees the same path (no steps of her own) on her transfer page.
  const member = await session.phone(YANG_FAN)
  // Home shows the path under way, not a dead end.
  await member.see('乡镇（街道）团组织没有接收你的申请')
  await member.see('现在请联系：共青团武汉市委')
  await member.see(`学校暂时保留你的团组织关系至 ${until}`)
  await member.shot('member-home')
  await member.tap('我的接转')
  await member.see('乡镇（街道）不接收：逐级反映')
  await member.see('请联系共青团武汉市委')
  await member.see(`学校暂时保留至 ${until}`)
  await member.see(/兜底接收：洪山区流动团员团支部/)
  expect(await member.page.locator('.btn', { hasText: /^向.+反映$/ }).count()).toBe(0)
  await member.shot('member-sees-path')
  await member.close()
})
