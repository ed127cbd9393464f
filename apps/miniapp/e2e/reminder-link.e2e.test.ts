import { answerEmployedWithLeagueOrg, fillAndSubmit, searchAndPick } from './support/graduate'
import { COUNSELLOR, ZHANG_WEI } from './support/people'
import { Phone } from './support/phone'
import { browserSession } from './support/session'

/**
 * Issue 7: the counsellor sends a not-started graduate a reminder link; the graduate opens it
 * (logging in on the way), starts a transfer, and the counsellor's progress shows one more started.
 */
const session = browserSession('reminder')

const STARTED = /^已发起 (\d+) \/ (\d+) 人$/

test('a reminder link brings a graduate in, and the counsellor sees one more started', async () => {
  const counsellor = await session.phone(COUNSELLOR)
  // A counsellor has no approval inbox: the home page offers progress and reminders.
  await counsellor.tap('毕业生转接进度与提醒')
  await counsellor.see('应转尽转目标（不含升学、参军入伍）')
  await counsellor.see('计算机2201班团支部 ›')
  const [, before, cohort] = await counsellor.read(STARTED)
  await counsellor.shot('counsellor-progress')

  // Drill down to the class branch and back.
  await counsellor.tap('计算机2201班团支部 ›')
  await counsellor.see('‹ 返回上一级')
  await counsellor.shot('counsellor-branch')
  await counsellor.tap('‹ 返回上一级')
  await counsellor.see('计算机2201班团支部 ›')

  // Pick 张伟 from the not-started list and create his link.
  const row = counsellor.page.getByRole('checkbox', { name: ZHANG_WEI.name })
  await row.click()
  await counsellor.see('生成提醒链接（1人）')
  await counsellor.shot('counsellor-selected')
  await counsellor.tap('生成提醒链接（1人）')
  await counsellor.see('发送提醒')
  const card = counsellor.page.locator('.reminder-card:visible').first()
  const url = (await card.locator('.link-text').innerText()).trim()
  expect(url).toMatch(new RegExp(`^${session.api.base}/#/pages/reminder/index\\?token=[A-Za-z0-9_-]{43}$`))
  await counsellor.tap('显示二维码')
  await card.locator('.qr-image img').waitFor()
  await counsellor.shot('counsellor-share')

  // 张伟 opens the link on his own phone: login first (and the first-password change), then back.
  const graduate = session.watch(await Phone.open(session.browser, session.api.base, 'reminder'))
  await graduate.goto(url)
  await graduate.see('你打开的是一条转接提醒，请先用本人身份证号登录，登录后会回到这里。')
  await graduate.shot('graduate-login-notice')
  await session.logins.logIn(graduate, ZHANG_WEI)
  await graduate.see('张伟同学，你好')
  await graduate.see('你还没有发起团组织关系转接，请尽快办理。')
  expect(graduate.page.url()).toContain('/pages/reminder/index?token=')
  await graduate.shot('graduate-landing')
  await graduate.tap('开始办理')
  await answerEmployedWithLeagueOrg(graduate)
  await searchAndPick(graduate, '研发中心', '研发中心团支部')
  await fillAndSubmit(graduate, '收到辅导员提醒后办理')
  await graduate.shot('graduate-submitted')

  // Opening the link again now leads to the transfer.
  await graduate.goto(url)
  await graduate.see('你的团组织关系转接正在办理中。')
  await graduate.see('查看我的接转')
  await graduate.shot('graduate-landing-started')

  // The counsellor's progress: one more started; the tracking list says opened and started.
  await counsellor.tap('返回进度')
  await counsellor.see('应转尽转目标（不含升学、参军入伍）')
  await counsellor.see(`已发起 ${Number(before) + 1} / ${cohort} 人`)
  await counsellor.shot('counsellor-progress-after')
  await counsellor.tap('提醒记录')
  const track = counsellor.page.locator('.track-row:visible').filter({ hasText: ZHANG_WEI.name }).first()
  await track.getByText('已打开 2 次').waitFor()
  await track.getByText('已发起', { exact: true }).waitFor()
  // The heading counts every link in the college, from the server, not the rows on screen.
  await counsellor.see(/^共 \d+ 条 · 已打开 [1-9]\d* · 已发起 [1-9]\d* · 已办结 \d+$/)
  await counsellor.shot('counsellor-tracking')

  // The link is 张伟's alone: anyone else logged in is told so, in plain Chinese, without blaming the account.
  await counsellor.goto(url)
  await counsellor.see('这个提醒链接已失效，或不是发给你的。请确认用本人账号登录，或直接在首页办理。')
  expect(await counsellor.page.getByText('提醒链接不存在，请确认是否使用本人账号登录').count()).toBe(0)
  await counsellor.see('换本人账号登录')
  await counsellor.shot('not-yours')
})
