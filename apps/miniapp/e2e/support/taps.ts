import type { Phone } from './phone'

/**
 * Counts what a person does on a phone: every click or tap that reaches the page (counted in
 * the page itself, so no helper can tap unseen), and every field typed into, by its label.
 */
export class TapCounter {
  taps = 0
  readonly typed: string[] = []
  private counting = false

  private constructor(private readonly phone: Phone) {}

  static async attach(phone: Phone): Promise<TapCounter> {
    const counter = new TapCounter(phone)
    await phone.page.exposeBinding('__xjTap', () => {
      if (counter.counting) counter.taps += 1
    })
    const listen = () => document.addEventListener('click', () => (window as unknown as { __xjTap: () => void }).__xjTap(), true)
    await phone.page.addInitScript(listen)
    await phone.page.evaluate(listen)
    return counter
  }

  start(): void {
    this.taps = 0
    this.typed.length = 0
    this.counting = true
  }

  stop(): { taps: number; typed: string[] } {
    this.counting = false
    return { taps: this.taps, typed: [...this.typed] }
  }

  /** Types into a field (not a tap), recording which. */
  async type(label: string, value: string): Promise<void> {
    if (this.counting) this.typed.push(label)
    await this.phone.type(label, value)
  }
}
