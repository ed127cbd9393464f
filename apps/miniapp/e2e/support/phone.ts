import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { ARTIFACTS, CHROMIUM } from './paths'

/** The flags this machine's Chromium needs (shared/notes/toolchain.md). */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

export const WIDTH = 375
export const HEIGHT = 812

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}

const counters = new Map<string, number>()

/**
 * One person's phone: a fresh browser context (its own storage, so its own session) at
 * 375×812, driven by the text a person sees. Every screenshot also checks that nothing on the
 * screen is wider than the phone.
 */
export class Phone {
  readonly errors: string[] = []

  private constructor(readonly page: Page, private readonly context: BrowserContext, readonly base: string, private readonly journey: string) {
    page.on('pageerror', (e) => this.errors.push(e.message))
    // The app talks to its own server only: a request elsewhere (a CDN image, a font) tells a third
    // party who uses it, and fails where the school's network stops it.
    const origin = new URL(base).origin
    page.on('request', (r) => {
      const url = r.url()
      if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) this.errors.push(`request left the origin: ${url}`)
    })
  }

  static async open(browser: Browser, base: string, journey: string): Promise<Phone> {
    const context = await browser.newContext({
      viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
    })
    context.setDefaultTimeout(15_000)
    return new Phone(await context.newPage(), context, base, journey)
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url.startsWith('http') ? url : `${this.base}${url}`)
  }

  /** The first visible element showing exactly this text. */
  visible(text: string | RegExp): Locator {
    return this.page.getByText(text, { exact: typeof text === 'string' }).locator('visible=true').first()
  }

  async see(text: string | RegExp, timeout?: number): Promise<void> {
    await this.visible(text).waitFor({ timeout })
  }

  async tap(text: string | RegExp): Promise<void> {
    await this.visible(text).click()
  }

  /**
   * The privacy notice a new device shows once on the login page (remembered in storage):
   * agree when it is there; on a device that agreed before it is not.
   */
  async acceptPrivacy(): Promise<boolean> {
    const agree = this.visible('同意并继续')
    if (!(await agree.isVisible().catch(() => false))) return false
    await agree.click()
    await agree.waitFor({ state: 'hidden' })
    return true
  }

  async type(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).locator('visible=true').first().fill(value)
  }

  /** The visible text matching `pattern`, e.g. a count on the screen. */
  async read(pattern: RegExp): Promise<RegExpMatchArray> {
    const text = await this.visible(pattern).innerText()
    const m = text.match(pattern)
    if (!m) throw new Error(`"${text}" does not match ${pattern}`)
    return m
  }

  /**
   * A screenshot of the whole screen into artifacts/e2e/, after checking that nothing is wider
   * than the phone. Taro's H5 pages scroll inside their own container, so the viewport is
   * stretched to the content for the picture, then put back.
   */
  async shot(name: string): Promise<void> {
    const page = this.page
    await page.waitForLoadState('networkidle').catch(() => undefined)
    // Page transitions slide the page in from the right: measure once it has arrived — a page still
    // sliding in reaches past the phone's edge. A loaded machine may take long; a spinner's animation
    // never ends, so the wait for animations is short and gives up quietly.
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro_page'))
      .filter((p) => p.getBoundingClientRect().width > 0)
      .every((p) => Math.abs(p.getBoundingClientRect().left) < 0.5), null, { timeout: 15_000, polling: 50 }).catch(() => undefined)
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 3000, polling: 50 }).catch(() => undefined)
    await page.waitForTimeout(150)
    const n = (counters.get(this.journey) ?? 0) + 1
    counters.set(this.journey, n)
    const file = join(ARTIFACTS, `${this.journey}-${String(n).padStart(2, '0')}-${name}.png`)
    const overflow = await page.evaluate(() => {
      const vw = window.innerWidth
      const wide: string[] = []
      const scroll = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)
      if (scroll > vw) wide.push(`the document scrolls sideways (${scroll}px)`)
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) continue
        // Content cut off sideways (an input scrolling its own text is fine).
        const tag = el.tagName
        if (tag !== 'INPUT' && tag !== 'TEXTAREA' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1
          && getComputedStyle(el).overflowX !== 'visible') {
          wide.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')} hides ${el.scrollWidth - el.clientWidth}px sideways`)
        }
        if (r.right > vw + 0.5 || r.left < -0.5) {
          const label = `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')}`
          wide.push(`${label} spans ${Math.round(r.left)}–${Math.round(r.right)}px: "${(el.textContent ?? '').slice(0, 30)}"`)
        }
        if (wide.length >= 5) break
      }
      return wide
    })
    const height = await page.evaluate(() => {
      let h = document.documentElement.scrollHeight
      for (const el of Array.from(document.querySelectorAll('.taro_page, .taro_page *'))) {
        const style = getComputedStyle(el)
        if (el.getBoundingClientRect().height > 0 && /(auto|scroll)/.test(style.overflowY)) h = Math.max(h, el.scrollHeight)
      }
      return h
    })
    const tall = Math.min(Math.max(height, HEIGHT), 8000)
    if (tall > HEIGHT) await page.setViewportSize({ width: WIDTH, height: tall })
    await page.screenshot({ path: file })
    if (tall > HEIGHT) await page.setViewportSize({ width: WIDTH, height: HEIGHT })
    if (overflow.length) throw new Error(`${name}: wider than ${WIDTH}px (${file}):\n  ${overflow.join('\n  ')}`)
  }

  async close(): Promise<void> {
    await this.context.close()
  }
}
