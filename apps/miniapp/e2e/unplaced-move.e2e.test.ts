import { COLLEGE_ADMIN, type Person } from './support/people'
import type { Phone } from './support/phone'
import { browserSession } from './support/session'

/**
 * Domain §7 at 375×812 in the real H5 build against the real API (its own server and database, on
 * today's date: long past this cohort's August 1): a graduate reports 暂未落实去向; the college
 * admin opens 转接进度 → 未落实去向转入流动团员团支部, finds the school's floating branch chosen and
 * her ticked, ticks one who reported nothing after checking, confirms, and sees both moved and in
 * the retention ledger.
 */
const session = browserSession('unplaced-move')

/** 刘洋, 计算机2201班: no job or school yet. */
const LIU_YANG: Person = { name: '刘洋', idNumber: '420111200304131042' }
/** 黄丽, 计算机2202班: has reported nothing. */
const HUANG_LI = '黄丽'

const checkbox = (phone: Phone, name: string) => phone.page.locator(`[role="checkbox"][aria-label="${name}"]:visible`).first()

test('a college admin moves a graduate who reported 未落实 and one who reported nothing into the floating branch', async () => {
  const graduate = await session.phone(LIU_YANG)
  await graduate.tap('填写毕业去向')
  await graduate.tap('暂未落实去向')
  await graduate.tap('保存去向')
  await graduate.see('已保存，学校能看到你填报的去向。')
  await graduate.close()

  const college = await session.phone(COLLEGE_ADMIN)
  await college.tap('毕业生转接进度与提醒')
  await college.tap('未落实去向转入流动团员团支部')
  await college.see(/^已填报未落实 1 人 · 未填报去向 \d+ 人$/)
  // The school's only floating branch is offered; 刘洋 comes ticked.
  const chosen = college.page.locator('[role="radio"][aria-checked="true"]:visible')
  await chosen.filter({ hasText: '楚天大学流动团员团支部' }).waitFor()
  expect(await checkbox(college, LIU_YANG.name).getAttribute('aria-checked')).toBe('true')
  await college.see('转入流动团员团支部（1人）')
  await college.shot('reported')

  // Who reported nothing is listed apart, unticked, with a word to check first.
  await college.tap('未填报去向')
  await college.see('未填报去向的毕业生可能已有着落，请核实后再勾选。')
  expect(await checkbox(college, HUANG_LI).getAttribute('aria-checked')).toBe('false')
  await checkbox(college, HUANG_LI).click()
  await college.see('转入流动团员团支部（2人）')
  await college.shot('unreported')

  await college.tap('转入流动团员团支部（2人）')
  await college.see('2 名毕业生将转入「楚天大学流动团员团支部」，每人生成一笔保留在校的接转，由你审批通过并登记台账；转入后不能撤销，毕业生落实去向后再从流动团员团支部转出。')
  await college.shot('confirm')
  await college.tap('确定转入')
  await college.see('2 人已转入「楚天大学流动团员团支部」，台账已登记。')
  await college.see(/^已填报未落实 0 人 · 未填报去向 \d+ 人$/)
  await college.shot('moved')
  expect(await checkbox(college, HUANG_LI).count()).toBe(0)

  await college.tap('查看保留台账')
  await college.see('保留台账')
  // Kept at school, floating, in the school's branch: the college follows its graduates there.
  for (const name of [LIU_YANG.name, HUANG_LI]) {
    await college.page.locator('.list-item:visible').filter({ hasText: name }).filter({ hasText: '未落实（流动团员） · 楚天大学流动团员团支部' }).waitFor()
  }
  await college.shot('ledger')
  await college.close()
})
