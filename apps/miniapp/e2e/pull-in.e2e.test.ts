import { orgRow } from './support/graduate'
import { FENG_CHEN, NEW_STUDENTS_ADMIN, SECOND_SCHOOL_ADMIN } from './support/people'
import { browserSession } from './support/session'

/**
 * Issue 12's 发起转入 in the real H5 build against the real API: the new school's admin pulls an
 * admitted student in by name + ID number; the student sees it on the phone; the old school
 * approves, the new school accepts, and the student sees 已办结 in the new class.
 */
const session = browserSession('pull-in')

test('a new school pulls a student in; the student follows it to completed', async () => {
  // 曹老师 (楚天大学研究生新生团总支): the incoming box's 发起转入.
  const school = await session.phone(NEW_STUDENTS_ADMIN)
  await school.tap('管理员工作台')
  await school.tap(/^转入审批/)
  await school.tap('发起转入')
  await school.see('核对身份')
  await school.type('姓名', FENG_CHEN.name)
  await school.type('身份证号', FENG_CHEN.idNumber)
  await school.tap('核对身份')
  await school.see('找到的团员')
  await school.see('江城工业大学团委')
  await school.see(/^1\d{2}\*{4}\d{4}$/)
  await school.shot('found')
  await school.tap('是这名团员，继续')
  // Further study (the admitted school's path) is chosen already: the questions go on from there.
  await school.tap('是，我是团员')
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
