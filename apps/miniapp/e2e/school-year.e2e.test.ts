import type { Person } from './support/people'
import { LI_MING } from './support/people'
import { Phone } from './support/phone'
import { browserSession } from './support/session'

/**
 * Issue 11's screens as a school admin walks them at 375×812: the roster upload, the retention
 * ledger, the campaign dates per group with the branches' graduation marks, and the yearly
 * statistics table; and issue 15's 忘记密码
 * on the login page. Screenshots land in artifacts/e2e/ beside the other journeys'.
 */
const session = browserSession('school-year')

const SCHOOL_ADMIN: Person = { name: '林书记', idNumber: '42010219850101501X' }

test('a school admin reaches the upload, the ledger, the campaign dates, marks a branch and reaches the statistics table', async () => {
  const school = await session.phone(SCHOOL_ADMIN)
  await school.tap('导入名单')
  await school.see('导入名单')
  await school.shot('import')
  await school.goto('/')
  await school.tap('毕业生转接进度与提醒')
  await school.see('保留台账')
  await school.shot('progress')
  // A not-started graduate's card and transfer history, from their row.
  await school.tap('详情')
  await school.see(/^接转记录（\d+）$/)
  await school.shot('member')
  await school.goto('/')
  await school.tap('毕业生转接进度与提醒')
  await school.tap('保留台账')
  await school.see('保留台账')
  await school.shot('ledger')
  await school.goto('/')
  await school.tap('毕业生转接进度与提醒')
  await school.tap('工作时限设置')
  await school.see('工作时限设置')
  await school.shot('deadlines')
  // The preparation check's unmarked branches, one tap away: the staff branch gets a reason, not a date.
  await school.tap('去标记')
  await school.see('标记毕业团支部')
  await school.tap('计算机学院教工团支部')
  await school.tap('不毕业原因')
  await school.type('不毕业的原因', '教工团支部')
  await school.shot('marks')
  await school.tap('标记 1 个团支部')
  await school.see('标记后不能撤销。确定为 1 个团支部标记“不毕业：教工团支部”吗？')
  await school.tap('确定标记')
  await school.see('已为 1 个团支部标记“不毕业：教工团支部”。')
  await school.tap(/^已标记/)
  await school.see(/^不毕业：教工团支部 · /)
  await school.shot('marked')
  await school.goto('/')
  await school.tap('毕业生转接进度与提醒')
  await school.tap('年度统计表')
  await school.see('年度统计表')
  await school.shot('statistics')
  await school.close()
})

test('忘记密码 on the login page says how a reset works and whom to ask', async () => {
  const phone = session.watch(await Phone.open(session.browser, session.api.base, 'school-year'))
  await phone.goto('/')
  await phone.see('登录')
  await phone.see('身份证号')
  await phone.acceptPrivacy()
  await phone.type('身份证号', LI_MING.idNumber)
  await phone.tap('忘记密码')
  await phone.see('忘记密码怎么办')
  await phone.type('本人姓名', LI_MING.name)
  await phone.tap('查询可以联系的人')
  await phone.see('可以联系：')
  await phone.shot('forgot-password')
  await phone.close()
})
