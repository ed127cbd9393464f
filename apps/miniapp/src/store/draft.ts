import type { Answers } from '@xianjie/rules'
import { persisted, useStore } from './persisted'

/** The receiving org a person chose, or the full official name they typed (cross-system). */
export interface ReceiverChoice {
  orgId?: string
  orgName: string
  pathText?: string
}

export interface ApplicationFields {
  emergencyName: string
  emergencyPhone: string
  remarks: string
  retentionWhere: string
  retentionMonths: string
  retentionContact: string
}

/** The graduate's application in progress (毕业生的接转申请草稿). */
export interface Draft {
  answers: Partial<Answers>
  receiver: ReceiverChoice | null
  fields: ApplicationFields
}

export const emptyFields = (): ApplicationFields => ({
  emergencyName: '',
  emergencyPhone: '',
  remarks: '',
  retentionWhere: '',
  retentionMonths: '',
  retentionContact: '',
})

export const draftStore = persisted<Draft>('xj.draft', () => ({
  answers: {},
  receiver: null,
  fields: emptyFields(),
}))

export const useDraft = (): Draft => useStore(draftStore)

/** An admin starting a transfer for a graduate (代为发起) keeps its own draft. */
export interface AdminDraft extends Draft {
  member: { id: string; name: string; idNumberMasked: string; orgName: string } | null
}

export const adminDraftStore = persisted<AdminDraft>('xj.adminDraft', () => ({
  member: null,
  answers: {},
  receiver: null,
  fields: emptyFields(),
}))

export const useAdminDraft = (): AdminDraft => useStore(adminDraftStore)
