import { COLLEGE_ADMIN, LI_MING, RECEIVING_ADMIN, TOWNSHIP_ADMIN } from './support/people'
import { browserSession } from './support/session'

/**
 * Each admin role at 375×812 finds its own work and no one else's: a college admin reaches
 * 标记毕业团支部, 工作时限 and 年度统计表 from their college's 转接进度; an employer and a township
 * are not offered a school's progress and reminders; the org picker goes back to its first level.
 */
const session = browserSession('admin-roles')

test('a college admin reaches the branch marks, the dates and the yearly table from their own 转接进度, for their college', async () => {
  const college = await session.phone(COLLEGE_ADMIN)
  await college.tap('毕业生转接进度与提醒')
  await college.see('标记毕业团支部')
  await college.shot('college-progress')
  await college.tap('标记毕业团支部')
  await college.see('计算机学院教工团支部')
  await college.shot('college-marks')
  // A date as people type it, a year other than the rosters': the warning comes before the mark, which cannot be undone.
  await college.tap('全选未标记的')
  const later = new Date().getFullYear() + 3
  await college.type('预计毕业时间', `${later}年6月30日`)
  await college.tap(/^标记 \d+ 个团支部$/)
  await college.see(new RegExp(`标记后不能撤销。确定为 \\d+ 个团支部标记“毕业时间 ${later}-06-30”吗？`))
  await college.see(new RegExp(`导入名单时登记的毕业年份与 ${later} 年不同`))
  await college.shot('college-marks-year-warning')
  await college.tap('取消')
  await college.goto('/')
  await college.tap('毕业生转接进度与提醒')
  await college.tap('年度统计表')
  await college.see(/楚天大学计算机学院团委/)
  await college.see('计算机2201班团支部')
  // Filing the table upward is the school's: the college reads and exports it.
  await college.see(/统计表由学校团委汇总报送/)
  expect(await college.page.getByText('报送统计表').locator('visible=true').count()).toBe(0)
  await college.shot('college-statistics')
  await college.goto('/')
  await college.tap('毕业生转接进度与提醒')
  await college.tap('工作时限设置')
  await college.see('工作时限设置')
  // The school's dates, to read.
  await college.see(/^\d{4}-08-31$/)
  await college.shot('college-deadlines')
  await college.close()
})

test('an employer and a township are offered their own work, not a school’s progress and reminders', async () => {
  for (const [who, name] of [[RECEIVING_ADMIN, 'employer-home'], [TOWNSHIP_ADMIN, 'township-home']] as const) {
    const admin = await session.phone(who)
    await admin.see('你可以办理')
    await admin.see('导入名单')
    // The roles say the org is not a school's: the entry is never there, not even for a moment.
    expect(await admin.page.getByText('毕业生转接进度与提醒').locator('visible=true').count()).toBe(0)
    await admin.shot(name)
    // A link to 转接进度 kept from before says what it is, not 0 / 0 in red.
    await admin.goto('/#/admin/campaign/index')
    await admin.see(/是学校团组织的工作/)
    expect(await admin.page.getByText('0%').locator('visible=true').count()).toBe(0)
    expect(await admin.page.getByText('提醒记录').locator('visible=true').count()).toBe(0)
    await admin.shot(`${name.replace('-home', '')}-progress`)
    // So does a kept link to the retention ledger, a school's list.
    await admin.goto('/#/admin/ledger/index')
    await admin.see(/不是学校团组织/)
    expect(await admin.page.getByText(/共 \d+ 人/).locator('visible=true').count()).toBe(0)
    await admin.shot(`${name.replace('-home', '')}-ledger`)
    await admin.close()
  }
})

test('the org picker goes back to the first level after opening a province', async () => {
  const graduate = await session.phone(LI_MING)
  await graduate.tap('开始办理组织关系转接')
  await graduate.tap('已落实工作单位（含自主创业）')
  await graduate.tap('有')
  await graduate.tap('其他省（区、市）')
  await graduate.tap('选择接收组织')
  await graduate.see('共青团北京市委')
  const row = (name: string) => graduate.page.locator('.org-row:visible').filter({ hasText: name }).first()
  await row('共青团湖北省委').getByText(/下一级/).click()
  await graduate.see('共青团武汉市委')
  await row('共青团武汉市委').getByText(/下一级/).click()
  await graduate.see('东风智造集团有限公司团委')
  await graduate.see('全国')
  await graduate.shot('picker-two-levels')
  await graduate.tap('全国')
  await graduate.see('共青团北京市委')
  await row('共青团湖北省委').getByText(/下一级/).click()
  await graduate.see('共青团武汉市委')
  await graduate.tap('‹ 返回上一级')
  await graduate.see('共青团北京市委')
  await graduate.shot('picker-top')
  await graduate.close()
})
