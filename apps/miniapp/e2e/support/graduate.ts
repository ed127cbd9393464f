import type { Phone } from './phone'

/** The questionnaire for "employed, and the employer has a league org" (已落实工作单位，单位有团组织). */
export async function answerEmployedWithLeagueOrg(phone: Phone, shots = false): Promise<void> {
  await phone.see('已落实工作单位（含自主创业）')
  if (shots) await phone.shot('question-destination')
  await phone.tap('已落实工作单位（含自主创业）')
  await phone.tap('有')
  await phone.tap('其他省（区、市）')
  await phone.see('选择接收组织')
  if (shots) await phone.shot('resolution')
  await phone.tap('选择接收组织')
  await phone.see('搜索')
}

/** In the org picker: the row showing exactly `name`. */
export function orgRow(phone: Phone, name: string) {
  return phone.page.locator('.org-row:visible').filter({ has: phone.page.getByText(name, { exact: true }) }).first()
}

/** Down the tree: 共青团湖北省委 → 共青团武汉市委 → 东风智造集团有限公司团委, then pick `branch`. */
export async function drillToEmployerBranch(phone: Phone, branch: string, shots = false): Promise<void> {
  const levels = ['共青团湖北省委', '共青团武汉市委', '东风智造集团有限公司团委']
  const next = [...levels.slice(1), branch]
  for (let i = 0; i < levels.length; i += 1) {
    await orgRow(phone, levels[i]!).getByText('下一级 ›').click()
    await orgRow(phone, next[i]!).waitFor()
  }
  if (shots) await phone.shot('picker-employer')
  await orgRow(phone, branch).getByText('选这个').click()
}

/** By name search, then pick the row. */
export async function searchAndPick(phone: Phone, query: string, name: string): Promise<void> {
  await phone.type('输入组织名称搜索', query)
  await phone.tap('搜索')
  await orgRow(phone, name).getByText('选这个').click()
}

/** The application form, the confirm step, submit: lands on 我的接转 with the new transfer. */
export async function fillAndSubmit(phone: Phone, remarks: string, shots = false): Promise<void> {
  await phone.see('下一步：核对信息')
  await phone.type('紧急联系人姓名', '李父')
  await phone.type('紧急联系人手机号', '13900000009')
  await phone.type('备注', remarks)
  if (shots) await phone.shot('apply')
  await phone.tap('下一步：核对信息')
  await phone.see('确认提交')
  if (shots) await phone.shot('confirm')
  await phone.tap('确认提交')
  await phone.see('待转出组织审批')
}
