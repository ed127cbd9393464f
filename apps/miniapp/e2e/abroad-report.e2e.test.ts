import { CHEN_JING, COLLEGE_ADMIN, SCHOOL_ADMIN, YANG_FAN } from './support/people'
import { browserSession } from './support/session'

/**
 * Issue 12's members abroad in the real H5 build against the real API: a graduate going abroad to
 * study applies on the phone to stay at school (where, how long, a domestic contact); the college
 * approves; she is kept in the study-abroad branch, and 我的 asks her for her periodic report
 * (定期报告). She reports; the school's retention ledger shows when, and when the next is due.
 */
const session = browserSession('abroad')

const NOTE = '在爱丁堡大学攻读硕士，一切顺利，联系方式不变'

test('a graduate kept abroad reports on the phone; the school sees it in the retention ledger', async () => {
  // 陈静 answers 出国(境)学习研究: her own school's study-abroad branch, and a retention application.
  const graduate = await session.phone(CHEN_JING)
  await graduate.tap('开始办理组织关系转接')
  await graduate.tap('出国(境)学习研究')
  await graduate.see('楚天大学出国(境)学习研究团员团支部')
  await graduate.see('院系团委审批')
  await graduate.shot('resolution')
  await graduate.tap('填写申请')
  await graduate.see('去往国家（地区）及学校')
  await graduate.type('紧急联系人姓名', '陈父')
  await graduate.type('紧急联系人手机号', '13900000021')
  await graduate.type('去往国家（地区）及学校', '英国 爱丁堡大学')
  await graduate.type('预计时长（月）', '24')
  await graduate.type('国内联系人及电话', '陈父 13900000021')
  await graduate.shot('apply')
  await graduate.tap('下一步：核对信息')
  await graduate.see('确认提交')
  await graduate.see('英国 爱丁堡大学')
  await graduate.shot('confirm')
  await graduate.tap('确认提交')
  await graduate.see('待转出组织审批')
  await graduate.shot('submitted')
  await graduate.close()

  // 王老师 (计算机学院团委) approves the retention application on the phone.
  const college = await session.phone(COLLEGE_ADMIN)
  await college.tap('管理员工作台')
  await college.tap('陈静')
  // The written retention application is what the college approves.
  await college.see('保留申请')
  await college.see('英国 爱丁堡大学')
  await college.see('24 个月')
  await college.see('陈父 13900000021')
  await college.shot('college-detail')
  await college.tap('同意')
  await college.see('已同意，接转已办结。')
  await college.see('已办结')
  await college.shot('college-approved')
  await college.close()

  // 陈静: kept at school in the study-abroad branch; 我的 asks for her periodic report.
  const abroad = await session.phone(CHEN_JING)
  // Home reminds her of the report, not only 我的.
  await abroad.see(/^定期报告：请于 \d{4}-\d{2}-\d{2} 前报告近况$/)
  await abroad.shot('home-kept-abroad')
  await abroad.tap('我的接转')
  await abroad.see('已办结')
  await abroad.see(/楚天大学出国\(境\)学习研究团员团支部/)
  await abroad.shot('transfer-completed')
  await abroad.goto('/')
  await abroad.tap('去报告')
  await abroad.see('定期报告')
  await abroad.see('还没有报告过')
  await abroad.see('下次报告截止')
  // Due 6 months (the default interval) after she was kept abroad.
  await abroad.see(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  await abroad.shot('mine-report-due')
  await abroad.type('近况说明', NOTE)
  await abroad.tap('提交报告')
  await abroad.see('报告已提交。')
  expect(await abroad.visible('还没有报告过').isVisible()).toBe(false)
  const card = abroad.page.locator('.abroad-report')
  const [reportedOn, nextDue] = [
    (await card.locator('.row', { hasText: '上次报告' }).innerText()).match(/\d{4}-\d{2}-\d{2}/)![0],
    (await card.locator('.row', { hasText: '下次报告截止' }).innerText()).match(/\d{4}-\d{2}-\d{2}/)![0],
  ]
  expect(nextDue > reportedOn).toBe(true)
  await abroad.shot('mine-reported')
  await abroad.close()

  // 林书记 (楚天大学团委): the retention ledger lists her, with the report.
  const school = await session.phone(SCHOOL_ADMIN)
  await school.tap('毕业生转接进度与提醒')
  await school.tap('保留台账')
  const row = school.page.locator('.page.ledger').getByRole('checkbox', { name: '陈静' })
  await row.waitFor()
  await expect(row.getByText('出国(境)学习研究', { exact: false }).count()).resolves.toBe(1)
  const report = await row.getByTestId('abroad-report').innerText()
  expect(report).toMatch(/^最近报告 \d{4}-\d{2}-\d{2} · 下次报告 \d{4}-\d{2}-\d{2} 前$/)
  // The same days 陈静 saw on 我的.
  expect(report).toContain(`最近报告 ${reportedOn}`)
  expect(report).toContain(`下次报告 ${nextDue} 前`)
  await school.shot('ledger')
  await school.close()
})

test('a graduate who is not kept abroad sees no 定期报告 on 我的', async () => {
  const phone = await session.phone(YANG_FAN)
  await phone.tap('我的')
  await phone.see('修改手机号')
  expect(await phone.page.getByText('定期报告').count()).toBe(0)
  await phone.shot('mine-not-abroad')
  await phone.close()
})
