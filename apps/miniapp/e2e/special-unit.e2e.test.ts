import { fillAndSubmit } from './support/graduate'
import { COLLEGE_ADMIN, PROVINCIAL_REVIEWER, ZHANG_WEI } from './support/people'
import type { Phone } from './support/phone'
import { browserSession } from './support/session'

/**
 * Domain §3 at 375×812 in the real H5 build against the real API: a graduate enlisting (参军入伍)
 * names no org; the college approves; 邓老师, the province's reviewer, finds him in 特殊单位专属库
 * from her home page as 待省级团委审核, approves in her inbox, and he is 已入库; the college admin
 * reaches the same list from 转接进度's 特殊单位 count.
 */
const session = browserSession('special-unit')

/** The list's row for `name`. */
const row = (phone: Phone, name: string) => phone.page.locator('.special-unit-row:visible').filter({ hasText: name }).first()

test('an enlisting graduate waits for the province in 特殊单位专属库, then enters it; the college sees him from 转接进度', async () => {
  // 张伟: 参军入伍 — no receiving org to choose.
  const graduate = await session.phone(ZHANG_WEI)
  await graduate.tap('开始办理组织关系转接')
  await graduate.tap('参军入伍')
  await graduate.see('特殊单位团组织（特殊单位专属库）')
  await graduate.shot('resolution')
  await graduate.tap('填写申请')
  await fillAndSubmit(graduate, '已应征入伍，9月入营')
  await graduate.close()

  // 王老师 (计算机学院团委) approves the outgoing step: on to the province.
  const college = await session.phone(COLLEGE_ADMIN)
  await college.tap('管理员工作台')
  await college.tap(ZHANG_WEI.name)
  await college.tap('同意')
  await college.see('已同意，已转到下一环节。')
  await college.close()

  // 邓老师: the library from her home page, 张伟 waiting for her.
  const reviewer = await session.phone(PROVINCIAL_REVIEWER)
  await reviewer.see('查看本省转往特殊单位的毕业生（待审核、已入库）')
  await reviewer.shot('reviewer-home')
  await reviewer.tap('特殊单位专属库')
  await reviewer.see(/^\d{4}届毕业生 · 共青团湖北省委$/)
  await row(reviewer, ZHANG_WEI.name).filter({ hasText: '待审核' }).filter({ hasText: '计算机2201班团支部 · 参军入伍' }).waitFor()
  await reviewer.tap('待省级团委审核 1')
  await reviewer.see('已入库 0')
  await row(reviewer, ZHANG_WEI.name).waitFor()
  await reviewer.shot('reviewer-pending')

  // She decides it in her inbox (省级审核).
  await reviewer.goto('/')
  await reviewer.tap('管理员工作台')
  await reviewer.tap(ZHANG_WEI.name)
  await reviewer.shot('reviewer-detail')
  // The button, not the college's 同意 in the record above it.
  await reviewer.page.locator('.action-bar:visible').getByText('同意', { exact: true }).click()
  await reviewer.see('已同意，接转已办结。')
  await reviewer.goto('/')
  await reviewer.tap('特殊单位专属库')
  await row(reviewer, ZHANG_WEI.name).filter({ hasText: '已入库' }).filter({ hasText: /入库于 \d{4}-\d\d-\d\d \d\d:\d\d/ }).waitFor()
  await reviewer.see('待省级团委审核 0')
  await reviewer.shot('reviewer-library')
  await reviewer.close()

  // 王老师: 转接进度 counts him under 特殊单位, and the count opens the same list for the college.
  const back = await session.phone(COLLEGE_ADMIN)
  await back.tap('毕业生转接进度与提醒')
  const stat = back.page.locator('.stat:visible').filter({ hasText: '特殊单位' })
  await stat.filter({ hasText: '1' }).waitFor()
  await back.shot('college-campaign')
  await back.tap('查看名单 ›')
  await back.see(/^\d{4}届毕业生 · 楚天大学计算机学院团委$/)
  await row(back, ZHANG_WEI.name).filter({ hasText: '已入库' }).waitFor()
  await back.see('已入库 1')
  await back.shot('college-list')
  await back.close()
})
