import { orgRow } from './support/graduate'
import { CITY_ADMIN, COUNTY_ADMIN, NEW_PASSWORD, PROVINCE_ADMIN, TOWNSHIP_ADMIN, type Person } from './support/people'
import type { Phone } from './support/phone'
import { browserSession } from './support/session'

/**
 * Issue #12's township flag correction on phones, with real data: 关山街道团工委's admin reports
 * its 乡镇街道团委 flag as wrong; the county passes it up, the city passes it up, the provincial
 * committee approves; the reporter sees it approved in 我提交的, and the flag has really changed.
 */
const session = browserSession('township-correction')
const FULL_NAME = '共青团湖北省委 / 共青团武汉市委 / 共青团武汉市洪山区委 / 关山街道团工委'
const REASON = '关山街道已撤街设镇，本组织不再是街道团工委'

/** A level above: 待处理的请求 shows the report named in full, and the admin acts on it with a comment. */
async function actAtLevel(who: Person, action: '上报上一级' | '同意', comment: string, shot: string, trail: RegExp[] = []): Promise<Phone> {
  const admin = await session.phone(who)
  await admin.see('你可以办理')
  await admin.tap('待处理的请求')
  await admin.see(FULL_NAME)
  await admin.see('误标为乡镇街道团委')
  await admin.see(REASON)
  for (const step of trail) await admin.see(step)
  await admin.type('意见（选填）', comment)
  await admin.shot(shot)
  await admin.tap(action)
  await admin.see(`${action === '同意' ? '已同意' : '已上报'}：乡镇街道团委标识更正 · ${FULL_NAME}`)
  await admin.see('没有等待本组织处理的请求。')
  await admin.shot(`${shot}-done`)
  return admin
}

test('a street committee reports its flag; county and city pass it up; the province approves; the reporter sees it and the flag changed', async () => {
  // 宋书记: from home to the report screen.
  const township = await session.phone(TOWNSHIP_ADMIN)
  await township.tap('待处理的请求')
  await township.tap('报告乡镇街道团委标识有误')
  await township.see('乡镇街道团委标识更正')
  await orgRow(township, '关山街道青年之家团支部').waitFor()
  await township.shot('report-pick')

  // A branch can never be a township org: the API refuses, and says why.
  await orgRow(township, '关山街道青年之家团支部').getByText('选这个').click()
  await township.see('不是乡镇街道团委')
  await township.tap('应标未标为乡镇街道团委')
  await township.type('更正理由', '青年之家承担街道团委工作')
  await township.tap('提交上报')
  await township.see('乡镇街道团委只能是乡镇街道领域的团委、团工委或团总支')
  await township.shot('report-refused')

  // The street committee itself: flagged now, so only 误标 or 未识别 fit.
  await township.tap('换一个组织')
  await township.tap('选本组织：关山街道团工委')
  await township.see(FULL_NAME)
  await township.see('是乡镇街道团委')
  await township.see('与现在的标识不符')
  await township.tap('误标为乡镇街道团委')
  await township.type('更正理由', REASON)
  await township.shot('report-form')
  await township.tap('提交上报')
  await township.see('已上报至 共青团武汉市洪山区委，等待其处理。')
  await township.shot('report-sent')
  await township.tap('查看我提交的请求')
  await township.see('等待 共青团武汉市洪山区委 处理')
  await township.shot('sent-waiting-county')
  await township.close()

  // Each level sees what waits for it and passes it up; the provincial committee decides.
  const byCounty = /共青团武汉市洪山区委 → 共青团武汉市委（.*）：经核实情况属实，请市委审核/
  await (await actAtLevel(COUNTY_ADMIN, '上报上一级', '经核实情况属实，请市委审核', 'county')).close()
  const city = await actAtLevel(CITY_ADMIN, '上报上一级', '同意上报省委', 'city', [byCounty])
  // Passing a report up is not sending one: the city's own box stays empty.
  await city.tap('我提交的')
  await city.see('你还没有提交过请求。')
  await city.close()
  const byCity = /共青团武汉市委 → 共青团湖北省委（.*）：同意上报省委/
  await (await actAtLevel(PROVINCE_ADMIN, '同意', '已核实，取消乡镇街道团委标识', 'province', [byCounty, byCity])).close()

  // 宋书记 again: 我提交的 says who decided, with the trail.
  const back = await session.phone(TOWNSHIP_ADMIN)
  await back.tap('待处理的请求')
  await back.tap('我提交的')
  await back.see('共青团湖北省委 已同意')
  await back.see('已核实，取消乡镇街道团委标识')
  await back.see(byCity)
  await back.shot('sent-approved')
  // The report screen shows the flag as it is stored now.
  await back.tap('报告乡镇街道团委标识有误')
  await back.tap('选本组织：关山街道团工委')
  await back.see('不是乡镇街道团委')
  await back.shot('flag-now')
  await back.close()

  // And the API says the same.
  const api = `${session.api.base}/api/v1`
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idNumber: COUNTY_ADMIN.idNumber, password: NEW_PASSWORD }),
  })
  const { token } = (await login.json()) as { token: string }
  const guanshan = await fetch(`${api}/orgs/guanshan`, { headers: { authorization: `Bearer ${token}` } })
  expect(guanshan.status).toBe(200)
  expect(await guanshan.json()).toMatchObject({ id: 'guanshan', name: '关山街道团工委', isTownship: false })
})
