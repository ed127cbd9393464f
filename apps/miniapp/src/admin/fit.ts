import type { Fit } from '@xianjie/rules'

export const ok: Fit = { ok: true }
export const no = (reason: string): Fit => ({ ok: false, reason })
