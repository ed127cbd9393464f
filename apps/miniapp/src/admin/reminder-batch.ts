import type { CreatedReminder } from '@xianjie/contract'

/**
 * The reminder links just created, for the share page. Kept in memory only: a token is shown
 * once (the API stores its hash) and should not linger in the phone's storage.
 */
export interface BatchItem extends CreatedReminder {
  name: string
  orgName: string
}

let batch: BatchItem[] = []

export const reminderBatch = {
  get: (): BatchItem[] => batch,
  set: (items: BatchItem[]): void => {
    batch = items
  },
  clear: (): void => {
    batch = []
  },
}

/** The mini program path a share card opens (WeChat wants it without the leading slash too). */
export const reminderPath = (token: string): string => `/pages/reminder/index?token=${encodeURIComponent(token)}`
