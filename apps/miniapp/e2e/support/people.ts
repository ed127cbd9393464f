import type { Browser } from 'playwright-core'
import { Phone } from './phone'

/** A demo login (README); the first password is the ID's last 8 characters and must be changed. */
export interface Person {
  name: string
  idNumber: string
}

export const NEW_PASSWORD = 'Xianjie-2026'

export const LI_MING: Person = { name: '李明', idNumber: '420111200201101019' }
export const WANG_FANG: Person = { name: '王芳', idNumber: '420111200302111021' }
export const ZHANG_WEI: Person = { name: '张伟', idNumber: '42011120020312103X' }
export const COLLEGE_ADMIN: Person = { name: '王老师', idNumber: '420102198802025027' }
export const RECEIVING_ADMIN: Person = { name: '马书记', idNumber: '420102198605055067' }
export const COUNSELLOR: Person = { name: '陈老师', idNumber: '420102199004045052' }
/** 冯晨, a graduate of the second school (江城工业大学), admitted to 楚天大学's graduate school. */
export const FENG_CHEN: Person = { name: '冯晨', idNumber: '420111200211111149' }
/** 陈静, 计算机2201班: goes abroad to study, kept at school in the study-abroad branch. */
export const CHEN_JING: Person = { name: '陈静', idNumber: '420111200205141050' }
/** 杨帆, 计算机2201班: not placed yet, sent home to 关山街道, which refuses her. */
export const YANG_FAN: Person = { name: '杨帆', idNumber: '420111200306151063' }
/** 林书记, 楚天大学团委: the school's admin (the retention ledger of the whole school). */
export const SCHOOL_ADMIN: Person = { name: '林书记', idNumber: '42010219850101501X' }
/** 宋书记, 关山街道团工委: the home township's admin; also reports the street committee's own 乡镇街道团委 flag. */
export const TOWNSHIP_ADMIN: Person = { name: '宋书记', idNumber: '420102198906065074' }
/** 曹老师, 楚天大学研究生新生团总支: the new school's receiving admin. */
export const NEW_STUDENTS_ADMIN: Person = { name: '曹老师', idNumber: '420102199109095101' }
/** 罗老师, 江城工业大学团委: 冯晨's outgoing admin. */
export const SECOND_SCHOOL_ADMIN: Person = { name: '罗老师', idNumber: '420102198610105110' }
/** 韩书记, 共青团武汉市洪山区委: the street committee's superior. */
export const COUNTY_ADMIN: Person = { name: '韩书记', idNumber: '420102198407075083' }
/** 郑书记, 共青团武汉市委. */
export const CITY_ADMIN: Person = { name: '郑书记', idNumber: '420102198211115127' }
/** 高书记, 共青团湖北省委's org admin (邓老师 there only reviews special-unit transfers). */
export const PROVINCE_ADMIN: Person = { name: '高书记', idNumber: '420102198012125138' }
/** 邓老师, 共青团湖北省委's provincial reviewer: special-unit transfers (military, classified) and the province's library. */
export const PROVINCIAL_REVIEWER: Person = { name: '邓老师', idNumber: '420102198308085091' }

/**
 * Logs people in on one API server, changing each first password on the way (once per server):
 * the journeys need not know who logged in before.
 */
export class Logins {
  private readonly changed = new Set<string>()

  constructor(private readonly browser: Browser, private readonly base: string, private readonly journey: string) {}

  /** A new phone, logged in as `who`, on the home page (or wherever the login was asked from). */
  async phone(who: Person, opts: { from?: string; shots?: boolean } = {}): Promise<Phone> {
    const phone = await Phone.open(this.browser, this.base, this.journey)
    await phone.goto(opts.from ?? '/')
    await this.logIn(phone, who, opts.shots)
    return phone
  }

  async logIn(phone: Phone, who: Person, shots = false): Promise<void> {
    const first = !this.changed.has(who.idNumber)
    await phone.see('登录')
    await phone.see('身份证号')
    await phone.acceptPrivacy()
    await phone.type('身份证号', who.idNumber)
    await phone.type('密码', first ? who.idNumber.slice(-8) : NEW_PASSWORD)
    if (shots) await phone.shot('login')
    await phone.tap('登录')
    if (!first) return
    await phone.see('确认修改')
    await phone.type('当前密码', who.idNumber.slice(-8))
    await phone.type('新密码', NEW_PASSWORD)
    await phone.type('再次输入新密码', NEW_PASSWORD)
    if (shots) await phone.shot('password')
    await phone.tap('确认修改')
    await phone.visible('确认修改').waitFor({ state: 'hidden' })
    this.changed.add(who.idNumber)
  }
}
