import { answerEmployedWithLeagueOrg, fillAndSubmit, searchAndPick } from './support/graduate'
import { LI_MING, WANG_FANG } from './support/people'
import { browserSession } from './support/session'

/**
 * A graduate with an application under way: the questionnaire and the form say so and open it,
 * instead of being walked to the end for a 409; back after submitting does not claim an answer
 * is missing; a withdrawn application does not keep saying 申请已修改.
 */
const session = browserSession('open-application')

test('submitted: back, the questionnaire again, a change then a withdrawal — each screen tells the truth', async () => {
  const phone = await session.phone(LI_MING)
  await phone.tap('开始办理组织关系转接')
  await answerEmployedWithLeagueOrg(phone)
  await searchAndPick(phone, '研发中心', '研发中心团支部')
  await fillAndSubmit(phone, '七月入职')
  await phone.see('申请已提交')

  // Back from 我的接转 (the browser's, or the phone's): not 还缺少一个回答, but the open application.
  await phone.page.goBack()
  await phone.see('你已有一笔转接正在办理')
  expect(await phone.visible(/还缺少一个回答/).isVisible()).toBe(false)
  await phone.shot('back-after-submit')

  // The questionnaire itself, however it is reached: the open application, not question 1.
  await phone.goto('/#/pages/questionnaire/index')
  await phone.see('你已有一笔转接正在办理')
  await phone.see('待转出组织审批')
  expect(await phone.visible('毕业后你的去向是？').isVisible()).toBe(false)
  await phone.shot('questionnaire-open-transfer')
  await phone.tap('查看我的接转')
  await phone.see('撤回申请')

  // A change, then a withdrawal: 申请已修改 was about the application that is now withdrawn.
  await phone.tap('修改申请')
  await phone.tap('下一步：核对信息')
  await phone.tap('保存修改')
  await phone.see('申请已修改。')
  await phone.shot('modified')
  await phone.tap('撤回申请')
  await phone.tap('确定撤回')
  await phone.see('重新发起')
  expect(await phone.visible('申请已修改。').isVisible()).toBe(false)
  await phone.shot('withdrawn')

  // Withdrawn, nothing open: the questionnaire is the questionnaire again.
  await phone.tap('重新发起')
  await phone.see('毕业后你的去向是？')
  await phone.close()
})

test('submitted on another phone meanwhile: the first phone says it arrived and offers the way to it', async () => {
  // The first phone is at the confirm step, its pages shown before anything was open.
  const first = await session.phone(WANG_FANG)
  await first.tap('开始办理组织关系转接')
  await answerEmployedWithLeagueOrg(first)
  await searchAndPick(first, '研发中心', '研发中心团支部')
  await first.type('紧急联系人姓名', '王母')
  await first.type('紧急联系人手机号', '13900000010')
  await first.tap('下一步：核对信息')
  await first.see('确认提交')

  const second = await session.phone(WANG_FANG)
  await second.tap('开始办理组织关系转接')
  await answerEmployedWithLeagueOrg(second)
  await searchAndPick(second, '研发中心', '研发中心团支部')
  await fillAndSubmit(second, '另一台手机')
  await second.close()

  await first.tap('确认提交')
  // Their own application, sent from the other phone: no failure, where it is.
  await first.see(/提交的申请已经收到，不用再次提交/)
  await first.shot('refused-in-progress')
  await first.tap('查看正在办理的申请')
  await first.see('待转出组织审批')
  await first.see('撤回申请')
  await first.close()
})
