import { orgRow } from './support/graduate'
import { FENG_CHEN, NEW_STUDENTS_ADMIN, SECOND_SCHOOL_ADMIN } from './support/people'
import { browserSession } from './support/session'

/**
 * Issue 12's 发起转入 in the real H5 build against the real API: the student reports her admitted
 * school in advance (毕业去向预填) and her old school sees it; the new school's admin finds her in
 * 待转入新生 and pulls her in by name + ID number; the student sees it on the phone; the old school
 * approves, the new school accepts, and the student sees 已办结 in the new class.
 */
const session = browserSession('pull-in')

test('a student reports her admitted school; the new school pulls her in from its waiting list; she follows it to completed', async () => {
  // 冯晨, before any transfer: home asks for her destination; admitted to 楚天大学 as a postgraduate.
  const reporter = await session.phone(FENG_CHEN)
  await reporter.see('毕业去向预填')
  await reporter.shot('home-destination-card')
  await reporter.tap('填写毕业去向')
  await reporter.tap('国内升学')
  await reporter.tap('考取的是研究生')
  await reporter.type('录取学校（全称）', '楚天大学')
  await reporter.type('户籍所在地', '湖北省黄冈市')
  await reporter.shot('destination-form')
  await reporter.tap('保存去向')
  await reporter.see('已保存，学校能看到你填报的去向。')
  await reporter.shot('destination-saved')
  await reporter.close()

  // 罗老师 (江城工业大学团委) sees it among his graduates' destinations.
  const outgoingSchool = await session.phone(SECOND_SCHOOL_ADMIN)
  await outgoingSchool.tap('毕业生转接进度与提醒')
  await outgoingSchool.tap('毕业去向')
  await outgoingSchool.see('国内升学 · 研究生 · 楚天大学')
  await outgoingSchool.shot('school-destinations')
  await outgoingSchool.close()

  // 曹老师 (楚天大学研究生新生团总支): the incoming box's 发起转入, 冯晨 waiting in 待转入新生.
  const school = await session.phone(NEW_STUDENTS_ADMIN)
  await school.tap('管理员工作台')
  await school.tap(/^转入审批/)
  await school.tap('发起转入')
  await school.see('核对身份')
  await school.see('待转入新生 1')
  await school.shot('waiting')
  await school.tap('按此核对') // fills in her name; the ID number comes from the admission roster
  await school.type('身份证号', FENG_CHEN.idNumber)
  await school.tap('核对身份')
  await school.see('找到的团员')
  await school.see('江城工业大学团委')
  await school.see(/^1\d{2}\*{4}\d{4}$/)
  await school.shot('found')
  await school.tap('是这名团员，继续')
  // Further study (the admitted school's path) is chosen already: the questions go on from there.
  await school.see('该团员目前是共青团员吗？')
  await school.tap('是，是团员')
  await school.tap('能查到')
  await school.see('已经建好，能在系统里找到')
  await school.shot('admitted-school-chosen')
  await school.tap('下一步')
  await school.tap('其他省（区、市）')
  await school.see('选择本组织的接收团支部')
  await orgRow(school, '2026级硕士研究生第一团支部').waitFor()
  await school.shot('own-branches')
  await orgRow(school, '2026级硕士研究生第一团支部').getByText('选这个').click()
  await school.type('备注', '2026级硕士研究生新生')
  await school.shot('confirm')
  await school.tap('确认提交')
  await school.see('待转出组织审批')
  // Its starter may take it back while the old school has not acted (a pull-in is changed by pulling in again).
  await school.see('撤回申请')
  await school.shot('started')
  await school.close()

  // 冯晨 sees it on the phone.
  const student = await session.phone(FENG_CHEN)
  await student.tap('我的接转')
  await student.see('待转出组织审批')
  await student.see(/2026级硕士研究生第一团支部/)
  await student.shot('student-sees-it')
  await student.close()

  // 罗老师 (江城工业大学团委) approves the outgoing step.
  const oldSchool = await session.phone(SECOND_SCHOOL_ADMIN)
  await oldSchool.tap('管理员工作台')
  await oldSchool.tap('冯晨')
  await oldSchool.tap('同意')
  await oldSchool.see('已同意，已转到下一环节。')
  await oldSchool.see('待转入组织审批')
  await oldSchool.close()

  // 曹老师 accepts; the receiver is the class branch itself, so it completes.
  const accept = await session.phone(NEW_STUDENTS_ADMIN)
  await accept.tap('管理员工作台')
  await accept.tap(/^转入审批/) // the tab carries its pending count (转入审批1)
  await accept.tap('冯晨')
  await accept.tap('同意接收')
  await accept.see('已同意接收。')
  await accept.close()

  // 冯晨 sees it done.
  const done = await session.phone(FENG_CHEN)
  await done.tap('我的接转')
  await done.see('已办结')
  await done.see(/2026级硕士研究生第一团支部/)
  await done.shot('completed')
  await done.close()
})
