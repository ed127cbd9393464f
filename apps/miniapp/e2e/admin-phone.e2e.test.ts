import { COLLEGE_ADMIN, NEW_PASSWORD, RECEIVING_ADMIN, WANG_FANG, ZHANG_WEI, type Person } from './support/people'
import { Phone } from './support/phone'
import { browserSession } from './support/session'

/**
 * Issue 15's admin screens at 375×812: a receiving admin lands on their pending incoming work,
 * accepts and assigns a branch with a confirmation; a graduate who forgot their password gets it
 * reset by the branch secretary on the phone and logs back in with the first password.
 */
const session = browserSession('admin-phone')
const SECRETARY: Person = { name: '许同学', idNumber: '42010220030909503X' }

/** Someone acting over HTTP only (never in the browser here): logged in, first password changed. */
async function overHttp(who: Person): Promise<(method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>> {
  const base = `${session.api.base}/api/v1`
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  const login = await call('POST', '/auth/login', { idNumber: who.idNumber, password: who.idNumber.slice(-8) })
  if (login.status !== 200) throw new Error(`login ${who.name}: ${login.status} ${JSON.stringify(login.body)}`)
  const changed = await call('POST', '/auth/change-password', { oldPassword: who.idNumber.slice(-8), newPassword: NEW_PASSWORD }, login.body.token)
  if (changed.status !== 204) throw new Error(`change-password ${who.name}: ${changed.status}`)
  const again = await call('POST', '/auth/login', { idNumber: who.idNumber, password: NEW_PASSWORD })
  return (method, path, body) => call(method, path, body, again.body.token)
}

test('a receiving admin lands on pending incoming work, accepts, and assigns a branch after confirming it', async () => {
  // 王芳 applies to the employer's committee (not a branch); the college approves — both over HTTP.
  const graduate = await overHttp(WANG_FANG)
  const started = await graduate('POST', '/transfers', {
    answers: { destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'other' },
    targetOrgId: 'dongfeng', emergencyContact: { name: '王父', phone: '13900004444' },
  })
  expect(started.status).toBe(201)
  const college = await overHttp(COLLEGE_ADMIN)
  expect((await college('POST', `/transfers/${started.body.id}/approve`, {})).status).toBe(200)

  // 马书记: home says what he can do; the workbench opens on 转入审批, 待处理.
  const admin = await session.phone(RECEIVING_ADMIN)
  await admin.see('你可以办理')
  await admin.shot('admin-home')
  await admin.tap('管理员工作台')
  await admin.see('王芳')
  await admin.see('待处理 1')
  await admin.shot('receiver-inbox')
  await admin.tap('王芳')
  await admin.see('同意接收')
  await admin.shot('receiver-detail')
  await admin.tap('同意接收')
  await admin.see('已同意接收。')
  await admin.tap('分配到团支部')
  await admin.see('研发中心团支部')
  await admin.page.locator('.org-row:visible').filter({ hasText: '研发中心团支部' }).first().getByText('选这个').click()
  await admin.see('分配到 研发中心团支部？')
  await admin.shot('assign-confirm')
  await admin.tap('确认分配')
  await admin.see('已分配到 研发中心团支部，接转办结。')
  await admin.see('分配团支部')
  await admin.shot('assign-done')
  await admin.tap('返回列表')
  await admin.see('没有待处理的接转，都处理完了。')
  await admin.tap('已处理 1')
  await admin.see('王芳')
  await admin.shot('receiver-inbox-done')
  await admin.close()
})

test('an org admin opens 待处理的请求 from the home page', async () => {
  const admin = await session.phone(RECEIVING_ADMIN)
  await admin.see('你可以办理')
  await admin.tap('待处理的请求')
  await admin.see('没有等待本组织处理的请求。')
  // A page's own stylesheet comes after app.css, so its rules win on equal specificity (as in the
  // mini program): here the button above the empty note keeps its bottom margin.
  const sheets = await admin.page.evaluate(() => Array.from(document.querySelectorAll('link[rel=stylesheet]'), (l) => new URL((l as HTMLLinkElement).href).pathname))
  expect(sheets.length).toBeGreaterThan(1)
  expect(sheets[0]).toMatch(/^\/css\/app\.[0-9a-f]+\.css$/)
  const gap = await admin.page.locator('.report-entry:visible').evaluate((e) => getComputedStyle(e).marginBottom)
  expect(parseFloat(gap)).toBeGreaterThan(0)
  await admin.shot('requests')
  await admin.close()
})

test('a graduate who forgot the password: the secretary resets it on the phone, the graduate logs in with the first password and must change it', async () => {
  // 张伟 has logged in before (his first password changed), then forgets the new one.
  const first = await session.phone(ZHANG_WEI)
  await first.close()
  const login = session.watch(await Phone.open(session.browser, session.api.base, 'admin-phone'))
  await login.goto('/')
  await login.see('登录')
  await login.see('身份证号')
  await login.acceptPrivacy() // a fresh device: the privacy notice comes first
  await login.type('身份证号', ZHANG_WEI.idNumber)
  await login.tap('忘记密码')
  await login.type('本人姓名', ZHANG_WEI.name)
  await login.tap('查询可以联系的人')
  await login.see(/许同学/)

  // 许同学, his branch secretary, resets it.
  const secretary = await session.phone(SECRETARY)
  await secretary.tap('重置团员密码')
  await secretary.type('输入团员姓名', '张伟')
  await secretary.tap('查找')
  await secretary.page.locator('.reset-row:visible').filter({ hasText: '张伟' }).first().getByText('重置密码').click()
  await secretary.see('为 张伟 重置密码？')
  await secretary.shot('reset-confirm')
  await secretary.tap('确认重置')
  await secretary.see('已重置 张伟 的密码')
  await secretary.see('初始密码是身份证号后 8 位，末位是 X 的输入大写 X；')
  await secretary.shot('reset-done')
  await secretary.close()

  // Back in with the first password (the ID's last 8, X in capitals), and made to change it.
  await login.type('密码', ZHANG_WEI.idNumber.slice(-8))
  await login.tap('登录')
  await login.see('确认修改')
  await login.type('当前密码', ZHANG_WEI.idNumber.slice(-8))
  await login.type('新密码', 'Tz#river-2026')
  await login.type('再次输入新密码', 'Tz#river-2026')
  await login.shot('back-in-change-password')
  await login.tap('确认修改')
  await login.visible('确认修改').waitFor({ state: 'hidden' })
  await login.see(/张伟/)
  await login.shot('back-in-home')
  await login.close()
})
