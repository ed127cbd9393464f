import { schoolBranchPurpose, withdrawSentence } from '@xianjie/rules'
import { useEffect, useState } from 'react'
import { View, Button } from '@tarojs/components'
import {
  EMERGENCY_CONTACT_NAME_MAX, PHONE_LENGTH, REMARKS_MAX, RETENTION_CONTACT_MAX, RETENTION_MONTHS, RETENTION_WHERE_MAX, type Me,
} from '@xianjie/contract'
import { api } from '../../api'
import { useOpenTransferGate } from '../../components/OpenTransferCard'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { Row } from '../../components/Row'
import { useAction } from '../../hooks/useAction'
import { knownReceiver } from '../../hooks/useMe'
import { useResolution } from '../../hooks/useResolution'
import { checkFields, serverFieldErrors, transferBody, type FieldErrors } from '../../forms'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { draftStore, useDraft, type ApplicationFields } from '../../store/draft'
import { PrivacySheet } from '../../components/PrivacySheet'
import { UnresolvedAnswers } from '../../components/ResolutionCard'

/** 填写申请 → 确认 → 提交. Everything typed lives in the draft store until the API accepts it. */
/** How recent an own open application must be to be the one this page just sent. */
const JUST_SENT_MS = 10 * 60_000

export default function ApplyPage() {
  const draft = useDraft()
  const state = useResolution(draft.answers, 'member')
  const [me, setMe] = useState<Me | null>(null)
  const [step, setStep] = useState<'form' | 'confirm'>('form')
  const [errors, setErrors] = useState<FieldErrors>({})
  const load = useAction()
  const send = useAction()
  const a = zh.apply

  useEffect(() => {
    void load.run(async () => setMe(await api.me()))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useEffect(() => {
    // The API named fields to fix: back to the form, where they are shown beside the inputs.
    if (Object.values(serverFieldErrors(send.error)).some(Boolean)) setStep('form')
  }, [send.error])
  const gate = useOpenTransferGate(draft.editing, state.ok)
  if (gate) return gate

  if (!state.ok) return <UnresolvedAnswers page message={state.error.message} onBack={() => nav.replace(ROUTES.questionnaire)} />
  const r = state.resolution
  const retention = r.writtenApplication
  const f = draft.fields
  const set = (key: keyof ApplicationFields) => (value: string) => {
    draftStore.update((d) => ({ ...d, fields: { ...d.fields, [key]: value } }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }
  // Kept at school, the receiver is the own school's branch of that purpose: named, not searched.
  const atOwnSchool = !!schoolBranchPurpose(r.target)
  const receiver = draft.receiver ?? knownReceiver(r.target, me)
  const needsReceiver = r.needsNamedOrg && !receiver
  const shown: FieldErrors = { ...serverFieldErrors(send.error), ...errors }

  const toConfirm = () => {
    const found = checkFields(f, { retention, emergencyRequired: true, ownPhone: me?.phone })
    if (needsReceiver) found.receiver = a.needReceiver
    setErrors(found)
    if (Object.values(found).some(Boolean)) return
    send.setError(null)
    setStep('confirm')
  }
  const submit = async () => {
    const body = transferBody(state.answers, r.needsNamedOrg ? receiver : null, f, { retention })
    const editing = draft.editing
    const saved = await send.run(() => (editing ? api.modifyTransfer(editing, body) : api.startTransfer(body)))
    if (!saved) return // the error is shown; nothing typed is lost
    draftStore.reset()
    // Named by id: 我的接转 says 已提交 / 已修改 of this application only while it stands.
    nav.relaunch(ROUTES.transfer, editing ? { modified: saved.id } : { submitted: saved.id })
  }

  // Refused because one is already under way (one opened meanwhile, on another phone): sending
  // again cannot help, so the way to that one takes the place of the main button.
  // One the graduate sent themselves moments ago (a reply lost on a bad connection, then 确认提交
  // again): it arrived — nothing went wrong, so no red failure, only where to find it. An older one
  // of theirs is another application: the refusal says so, as it does for one an admin started.
  const open = send.error?.openTransfer
  const ownOpen = open && me && open.startedBy.id === me.id && Date.now() - Date.parse(open.createdAt) < JUST_SENT_MS ? open : null
  const openLink = send.error?.openTransfer ? (
    <Button className="btn btn-primary" onClick={() => nav.replace(ROUTES.transfer)}>{a.viewOpen}</Button>
  ) : null
  const receiverText = r.needsNamedOrg ? receiver?.orgName ?? '' : a.receiverNone
  const summary = (
    <View className="card">
      <View className="card-title">{a.applicant}</View>
      <Row label={a.name} value={me?.name ?? ''} />
      <Row label={a.idNumber} value={me?.idNumberMasked ?? ''} />
      <Row label={a.phone} value={me?.phone ?? ''} />
      <Row label={a.fromOrg} value={me?.member?.orgName ?? ''} />
      <Row label={zh.resolution.goesTo} value={zh.resolution.targets[r.target] ?? r.target} />
      <Row label={a.receiver} value={receiverText} />
    </View>
  )

  if (step === 'confirm') {
    return (
      <View className="page apply-confirm">
        <View className="page-title">{a.confirmTitle}</View>
        {ownOpen ? <View className="notice">{a.alreadySent(formatTime(ownOpen.createdAt))}</View> : <ErrorBanner error={send.error} keepsInput />}
        {summary}
        <View className="card">
          <Row label={a.emergencyName} value={f.emergencyName} />
          <Row label={a.emergencyPhone} value={f.emergencyPhone} />
          {retention ? <Row label={a.retentionWhere} value={f.retentionWhere} /> : null}
          {retention ? <Row label={a.retentionMonths} value={f.retentionMonths} /> : null}
          {retention ? <Row label={a.retentionContact} value={f.retentionContact} /> : null}
          <Row label={a.remarks} value={f.remarks || zh.common.empty} />
        </View>
        <View className="muted small">{withdrawSentence(r)}</View>
        {openLink ?? (
          <Button className="btn btn-primary" disabled={send.busy} loading={send.busy} onClick={submit}>
            {send.busy ? zh.common.saving : draft.editing ? a.saveChanges : a.submit}
          </Button>
        )}
        <Button className="btn" onClick={() => setStep('form')}>{a.edit}</Button>
      </View>
    )
  }

  return (
    <View className="page apply">
      <View className="page-title">{draft.editing ? a.editTitle : a.title}</View>
      <PrivacySheet />
      <ErrorBanner error={load.error || send.error} keepsInput />
      {summary}
      {draft.rejectedReason ? (
        <View className="notice redo-notice">
          <View className="card-title">{a.redoTitle}</View>
          <View>{draft.rejectedReason}</View>
          <View className="muted small">{a.redoHint}</View>
        </View>
      ) : null}
      {r.needsNamedOrg && !(atOwnSchool && receiver) ? (
        <View className="card">
          {shown.receiver ? <View className="field-message">{shown.receiver}</View> : null}
          {draft.receiver?.pathText ? <View className="muted small">{draft.receiver.pathText}</View> : null}
          <Button className="btn" onClick={() => nav.to(ROUTES.receiver)}>
            {draft.receiver ? a.changeReceiver : zh.resolution.pickReceiver}
          </Button>
        </View>
      ) : null}
      <View className="card">
        <View className="card-title">{a.emergency}</View>
        <Field label={a.emergencyName} name="emergencyName" value={f.emergencyName} maxLength={EMERGENCY_CONTACT_NAME_MAX}
          onChange={set('emergencyName')} error={shown.emergencyName} />
        <Field label={a.emergencyPhone} name="emergencyPhone" type="number" maxLength={PHONE_LENGTH} value={f.emergencyPhone}
          onChange={set('emergencyPhone')} error={shown.emergencyPhone} />
      </View>
      {retention ? (
        <View className="card">
          <View className="card-title">{a.retention}</View>
          <Field label={a.retentionWhere} name="retentionWhere" value={f.retentionWhere} maxLength={RETENTION_WHERE_MAX}
            onChange={set('retentionWhere')} error={shown.retentionWhere} />
          <Field label={a.retentionMonths} name="retentionMonths" type="number" maxLength={String(RETENTION_MONTHS.max).length} value={f.retentionMonths}
            onChange={set('retentionMonths')} error={shown.retentionMonths} />
          <Field label={a.retentionContact} name="retentionContact" value={f.retentionContact} maxLength={RETENTION_CONTACT_MAX}
            onChange={set('retentionContact')} error={shown.retentionContact} />
        </View>
      ) : null}
      <View className="card">
        <Field label={a.remarks} name="remarks" value={f.remarks} maxLength={REMARKS_MAX} counter
          placeholder={a.remarksPlaceholder} onChange={set('remarks')} error={shown.remarks} />
      </View>
      {openLink ?? <Button className="btn btn-primary" onClick={toConfirm}>{a.toConfirm}</Button>}
    </View>
  )
}

