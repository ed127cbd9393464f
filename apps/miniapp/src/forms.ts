import { isOwnPhoneAsContact, isValidMobile, OWN_PHONE_AS_CONTACT, type Answers } from '@xianjie/rules'
import { REMARKS_MAX, RETENTION_MONTHS, type StartTransferBody } from '@xianjie/contract'
import type { ApiError } from './api'
import { zh } from './i18n/zh'
import type { ApplicationFields, ReceiverChoice } from './store/draft'

export type FieldErrors = Partial<Record<keyof ApplicationFields | 'receiver', string>>

/** What must be filled before the confirm step; the API checks everything again. */
export function checkFields(f: ApplicationFields, opts: { retention: boolean; emergencyRequired: boolean; ownPhone?: string }): FieldErrors {
  const a = zh.apply
  const errors: FieldErrors = {}
  if (opts.emergencyRequired || f.emergencyName || f.emergencyPhone) {
    if (!f.emergencyName.trim()) errors.emergencyName = a.missing(a.emergencyName)
    if (!f.emergencyPhone.trim()) errors.emergencyPhone = a.missing(a.emergencyPhone)
    else if (!isValidMobile(f.emergencyPhone.trim())) errors.emergencyPhone = a.badPhone
    else if (isOwnPhoneAsContact(f.emergencyPhone, opts.ownPhone)) errors.emergencyPhone = OWN_PHONE_AS_CONTACT
  }
  if ([...f.remarks].length > REMARKS_MAX) errors.remarks = `${a.remarks}最多${REMARKS_MAX}字。`
  if (opts.retention) {
    if (!f.retentionWhere.trim()) errors.retentionWhere = a.missing(a.retentionWhere)
    const months = Number(f.retentionMonths)
    if (!f.retentionMonths.trim()) errors.retentionMonths = a.missing(a.retentionMonths)
    else if (!Number.isInteger(months) || months < RETENTION_MONTHS.min || months > RETENTION_MONTHS.max) errors.retentionMonths = a.badMonths
    if (!f.retentionContact.trim()) errors.retentionContact = a.missing(a.retentionContact)
  }
  return errors
}

/** The POST /transfers body from what was typed. */
export function transferBody(
  answers: Answers, receiver: ReceiverChoice | null, f: ApplicationFields, opts: { retention: boolean; memberId?: string },
): StartTransferBody {
  const body: StartTransferBody = { answers }
  if (opts.memberId) body.memberId = opts.memberId
  if (receiver?.orgId) body.targetOrgId = receiver.orgId
  else if (receiver?.orgName) body.targetOrgName = receiver.orgName
  if (f.remarks.trim()) body.remarks = f.remarks.trim()
  if (f.emergencyName.trim() || f.emergencyPhone.trim()) {
    body.emergencyContact = { name: f.emergencyName.trim(), phone: f.emergencyPhone.trim() }
  }
  if (opts.retention) {
    body.retention = {
      where: f.retentionWhere.trim(),
      months: Number(f.retentionMonths),
      domesticContact: f.retentionContact.trim(),
    }
  }
  return body
}

/** The API's field errors (`errors: [{field, message}]`) onto the form's fields. */
export function serverFieldErrors(error: ApiError | null): FieldErrors {
  if (!error) return {}
  const map: Record<string, keyof FieldErrors> = {
    'emergencyContact.name': 'emergencyName',
    'emergencyContact.phone': 'emergencyPhone',
    remarks: 'remarks',
    'retention.where': 'retentionWhere',
    'retention.months': 'retentionMonths',
    'retention.domesticContact': 'retentionContact',
    targetOrgId: 'receiver',
    targetOrgName: 'receiver',
  }
  const out: FieldErrors = {}
  for (const e of error.errors) {
    const key = map[e.field]
    if (key) out[key] = e.message
  }
  return out
}
