import type { Browser } from 'playwright-core'
import { startApi, type ApiServer } from './api-server'
import { Logins } from './people'
import { launchChromium, Phone } from './phone'

/**
 * One journey file's world: a fresh API on its own SQLite file, one Chromium, and phones that
 * fail the test if any page logged an error. Registers the jest hooks; call at the top of a file.
 */
export function browserSession(tag: string) {
  let api: ApiServer | undefined
  let browser: Browser | undefined
  let logins: Logins | undefined
  const phones: Phone[] = []
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('browserSession: used before beforeAll ran')
    return v
  }

  beforeAll(async () => {
    api = await startApi()
    browser = await launchChromium()
    logins = new Logins(browser, api.base, tag)
  })
  afterAll(async () => {
    await browser?.close()
    await api?.stop()
  })
  afterEach(() => {
    const errors = phones.flatMap((p) => p.errors)
    phones.length = 0
    expect(errors).toEqual([])
  })

  return {
    get api(): ApiServer {
      return ready(api)
    },
    get browser(): Browser {
      return ready(browser)
    },
    get logins(): Logins {
      return ready(logins)
    },
    /** A logged-in phone whose page errors are checked after the test. */
    async phone(...args: Parameters<Logins['phone']>): Promise<Phone> {
      return this.watch(await ready(logins).phone(...args))
    },
    watch(phone: Phone): Phone {
      phones.push(phone)
      return phone
    },
  }
}
