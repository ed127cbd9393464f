import { answerEmployedWithLeagueOrg, fillAndSubmit, searchAndPick } from './support/graduate'
import { COLLEGE_ADMIN, WANG_FANG } from './support/people'
import { browserSession } from './support/session'

/** Issue 5's second run: the college rejects with a reason; the graduate reads it and starts again. */
const session = browserSession('rejected')

const REASON = '单位名称与就业协议不一致，请核对后重新提交'

test('rejected with a reason: the graduate sees why and submits a new transfer', async () => {
  const graduate = await session.phone(WANG_FANG)
  await graduate.tap('开始办理组织关系转接')
  await answerEmployedWithLeagueOrg(graduate)
  await searchAndPick(graduate, '制造部', '制造部团支部')
  await fillAndSubmit(graduate, '第一次提交')
  await graduate.close()

  const college = await session.phone(COLLEGE_ADMIN)
  await college.tap('管理员工作台')
  await college.tap('王芳')
  await college.tap('不同意')
  // A reason is required.
  await college.tap('确认不同意')
  await college.see('请填写不同意的原因，团员会看到它。')
  await college.type('不同意的原因（必填）', REASON)
  await college.shot('college-reject')
  await college.tap('确认不同意')
  await college.see('已驳回，团员会看到你写的原因。')
  await college.see('已驳回')
  await college.close()

  const again = await session.phone(WANG_FANG)
  await again.tap('我的接转')
  await again.see('已驳回')
  await again.see('驳回原因')
  await again.see(REASON)
  await again.see('在这一步被驳回')
  await again.shot('graduate-rejected')
  // The rejected application's answers and form are kept: change the receiver, submit.
  await again.tap('修改后重新提交')
  await again.see('上次申请被驳回，原因：')
  await again.tap('更换')
  await searchAndPick(again, '研发中心', '研发中心团支部')
  await fillAndSubmit(again, '已核对，重新提交')
  // The new transfer is current; the rejected one moved to the history.
  await again.see('历史记录')
  await again.see(/^已驳回 · 制造部团支部$/)
  await again.shot('graduate-resubmitted')
  await again.close()
})
