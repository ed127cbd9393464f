import type { Answers } from '@xianjie/rules'
import type { TransferView } from '@xianjie/contract'
import { persisted, useStore } from './persisted'
import { withParent } from '../org-label'

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
  /** 修改申请: the id of the submitted transfer this draft changes; absent for a new one. */
  editing?: string
  /** Redoing a rejected application: why it was rejected, shown above the form kept from it. */
  rejectedReason?: string
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

/** The draft a submitted application is changed from: its answers, receiver and fields as submitted. */
export function draftFrom(t: TransferView): Draft {
  const a = t.application
  // Named with its parent (东风智造集团有限公司团委 › 研发中心团支部), as lists show it.
  const pathText = t.targetOrgParentName && t.targetOrgName ? withParent(t.targetOrgName, t.targetOrgParentName) : undefined
  const receiver = t.targetOrgId
    ? { orgId: t.targetOrgId, orgName: t.targetOrgName ?? '', ...(pathText ? { pathText } : {}) }
    : t.targetOrgName ? { orgName: t.targetOrgName } : null
  return {
    answers: { ...(t.answers ?? {}) },
    receiver,
    fields: {
      emergencyName: a?.emergencyContact?.name ?? '',
      emergencyPhone: a?.emergencyContact?.phone ?? '',
      remarks: t.remarks ?? '',
      retentionWhere: a?.retention?.where ?? '',
      retentionMonths: a?.retention ? String(a.retention.months) : '',
      retentionContact: a?.retention?.domesticContact ?? '',
    },
    editing: t.id,
  }
}

/**
 * Redoing a rejected application (重新提交): a new start that keeps every answer, the receiver and
 * every field of the rejected one — emergency contact included — so only what was wrong changes.
 */
export function redoFrom(t: TransferView): Draft {
  const { editing: _rejected, ...kept } = draftFrom(t)
  return { ...kept, rejectedReason: t.rejectionReason || undefined }
}

/** An admin starting a transfer for a graduate (代为发起) keeps its own draft. */
export interface AdminDraft extends Draft {
  member: { id: string; name: string; idNumberMasked: string; orgName: string } | null
}

/**
 * An admin changing an application they started (修改申请): the member fixed, the rest as submitted.
 * A contact the admin sees masked is left blank, so the change keeps it unless they type a new one
 * (the API keeps what a change leaves out).
 */
export function adminDraftFrom(t: TransferView): AdminDraft {
  const draft = draftFrom(t)
  const masked = (v: string) => v.includes('*')
  const fields = { ...draft.fields }
  if (masked(fields.emergencyPhone)) {
    fields.emergencyName = ''
    fields.emergencyPhone = ''
  }
  if (masked(fields.retentionContact)) fields.retentionContact = ''
  return {
    ...draft,
    fields,
    member: { id: t.memberId, name: t.memberName, idNumberMasked: t.application.idNumberMasked, orgName: t.application.outgoingBranch.name },
  }
}

export const adminDraftStore = persisted<AdminDraft>('xj.adminDraft', () => ({
  member: null,
  answers: {},
  receiver: null,
  fields: emptyFields(),
}))

export const useAdminDraft = (): AdminDraft => useStore(adminDraftStore)
