import type { Person } from './support/people'
import { LI_MING } from './support/people'
import { Phone } from './support/phone'
import { browserSession } from './support/session'

/**
 * Issue 11's screens as a school admin walks them at 375×812: the roster upload, the retention
 * ledger, the campaign dates per group and the yearly statistics table; and issue 15's 忘记密码
 * on the login page. Screenshots land in artifacts/e2e/ beside the other journeys'.
 */
const session = browserSession('school-year')

const SCHOOL_ADMIN: Person = { name: '林书记', idNumber: '42010219850101501X' }

test('a school admin reaches the upload, the ledger, the campaign dates and the statistics table', async () => {
  const school = await session.phone(SCHOOL_ADMIN)
  await school.tap('导入名单')
  await school.see('导入名单')
  await school.shot('import')
  await school.goto('/')
  await school.tap('毕业生转接进度与提醒')
  await school.see('保留台账')
  await school.shot('progress')
  await school.tap('保留台账')
  await school.see('保留台账')
  await school.shot('ledger')
  await school.goto('/')
  await school.tap('毕业生转接进度与提醒')
  await school.tap('工作时限设置')
  await school.see('工作时限设置')
  await school.shot('deadlines')
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
  await phone.see('可以联系：')
  await phone.shot('forgot-password')
  await phone.close()
})
