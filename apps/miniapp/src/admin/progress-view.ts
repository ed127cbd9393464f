/**
 * Reading campaign progress for the screens. The numbers and rates are the API's; this file
 * only places them against the calendar (from @xianjie/rules) for drawing.
 */
import { endOfBeijingDay, graduationFlipDate, parseDateString } from '@xianjie/rules'

/**
 * How far the campaign's time has run towards the started-by deadline (0..1): work starts on
 * June 1 and the deadline ends with its Beijing day. A bar behind this mark is behind time.
 */
export function timeElapsed(year: number, startedBy: string, now: Date): number {
  const start = graduationFlipDate(year).getTime()
  let end: number
  try {
    const d = parseDateString(startedBy)
    end = endOfBeijingDay(d.year, d.month, d.day).getTime()
  } catch {
    return 0
  }
  if (end <= start) return 1
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)))
}

export type Tone = 'done' | 'on-track' | 'behind' | 'late'

/** The colour of a started bar: everyone started, keeping pace, behind time, or past the deadline. */
export function toneOf(rate: number, daysLeft: number, elapsed: number): Tone {
  if (rate >= 1) return 'done'
  if (daysLeft < 0) return 'late'
  return rate + 1e-9 >= elapsed ? 'on-track' : 'behind'
}

/** A rate 0..1 as a bar width, never beyond the bar. */
export const widthOf = (rate: number): string => `${Math.round(Math.min(1, Math.max(0, rate)) * 1000) / 10}%`
