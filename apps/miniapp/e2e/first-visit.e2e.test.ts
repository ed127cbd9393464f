import { browserSession } from './support/session'
import { Phone } from './support/phone'

/**
 * Issue 13: a first visit to the H5 app — what the phone is sent, and that it is sent nothing from
 * elsewhere (the session fails a test on any request that leaves the app's origin).
 */
const session = browserSession('first-visit')

test('the login page loads compressed, cacheable files from its own origin only, and can be zoomed', async () => {
  const phone = session.watch(await Phone.open(session.browser, session.api.base, 'first-visit'))
  const scripts: { url: string; encoding?: string; cache?: string }[] = []
  phone.page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), encoding: r.headers()['content-encoding'], cache: r.headers()['cache-control'] })
  })
  await phone.goto('/')
  await phone.see('身份证号')
  // A new device: the privacy notice before the first personal field, then never again.
  await phone.see('隐私保护提示')
  await phone.shot('privacy')
  expect(await phone.acceptPrivacy()).toBe(true)
  await phone.page.reload()
  await phone.see('身份证号')
  expect(await phone.visible('隐私保护提示').isVisible()).toBe(false)
  await phone.shot('login')

  expect(scripts.length).toBeGreaterThan(0)
  for (const s of scripts) {
    expect(s).toEqual({ url: s.url, encoding: 'br', cache: 'public, max-age=31536000, immutable' })
  }
  const viewport = await phone.page.locator('meta[name=viewport]').getAttribute('content')
  expect(viewport).toContain('width=device-width')
  expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0*)?(,|$)/)
  expect(await phone.page.locator('link[rel=icon]').count()).toBe(1)

  // The login button's loading spinner was an image on an outside CDN: press it and watch.
  await phone.type('身份证号', '420111200201101019')
  await phone.type('密码', 'wrong-password')
  await phone.tap('登录')
  await phone.see('身份证号或密码错误')
  const spinner = await phone.page.evaluate(() => {
    const probe = document.createElement('div')
    probe.className = 'taro-button-core taro-btn-loading'
    probe.innerHTML = '<i class="weui-loading"></i>'
    document.body.appendChild(probe)
    const bg = getComputedStyle(probe.firstElementChild as Element).backgroundImage
    probe.remove()
    return bg
  })
  expect(spinner).toBe('none')
})
