import { useState } from 'react'
import { View, Button, Input } from '@tarojs/components'
import { leagueOrgNameProblem, targetFits, type Answers, withdrawSentence } from '@xianjie/rules'
import {
  EMERGENCY_CONTACT_NAME_MAX, MEMBER_LIST_MAX, PHONE_LENGTH, REMARKS_MAX, RETENTION_CONTACT_MAX, RETENTION_MONTHS, RETENTION_WHERE_MAX,
  ORG_NAME_MAX, type MemberSummary, type OrgView,
} from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { OrgPicker } from '../../components/OrgPicker'
import { RecordDeletion } from '../../components/RecordDeletion'
import { ResolutionCard, UnresolvedAnswers } from '../../components/ResolutionCard'
import { Row } from '../../components/Row'
import { checkFields, transferBody, type FieldErrors } from '../../forms'
import { useAction } from '../../hooks/useAction'
import { useResolution } from '../../hooks/useResolution'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { adminDraftStore, useAdminDraft, type ApplicationFields } from '../../store/draft'
import { AnswersForMember } from '../AnswersForMember'

type Step = 'member' | 'questions' | 'receiver' | 'confirm'

function sameAnswers(a: Partial<Answers>, b: Partial<Answers>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Answers>
  return [...keys].every((k) => a[k] === b[k])
}

/**
 * 代为发起接转: an outgoing admin starts a transfer for one of their graduates —
 * including cross-system ones, where the receiver's full official name is typed.
 */
export default function StartPage() {
  const draft = useAdminDraft()
  const [step, setStep] = useState<Step>(draft.member ? 'questions' : 'member')
  const s = zh.admin.start
  // 修改申请: the same form for an application this admin started; the member stays whom it is for.
  const editing = !!draft.editing

  return (
    <View className="page admin-start">
      <View className="page-title">{editing ? s.modifyTitle : s.title}</View>
      {editing ? <View className="muted small">{s.modifyIntro}</View> : null}
      {draft.member ? (
        <View className="card">
          <Row label={zh.admin.member} value={`${draft.member.name} ${draft.member.idNumberMasked}`} />
          <Row label={zh.apply.fromOrg} value={draft.member.orgName} />
          {step !== 'member' && !editing ? (
            <Button className="btn btn-text" onClick={() => setStep('member')}>{s.changeMember}</Button>
          ) : null}
        </View>
      ) : null}
      {step === 'member' ? <MemberStep onDone={() => setStep('questions')} /> : null}
      {step === 'questions' ? <QuestionsStep onDone={() => setStep('receiver')} onBack={() => setStep('member')} /> : null}
      {step === 'receiver' ? <ReceiverStep onDone={() => setStep('confirm')} onBack={() => setStep('questions')} /> : null}
      {step === 'confirm' ? <ConfirmStep onBack={() => setStep('receiver')} /> : null}
    </View>
  )
}

function MemberStep({ onDone }: { onDone: () => void }) {
  const [q, setQ] = useState('')
  const [list, setList] = useState<MemberSummary[] | null>(null)
  const { busy, error, run } = useAction()
  const s = zh.admin.start
  const search = () => run(async () => setList(await api.members({ q: q.trim() })))
  const pick = (m: MemberSummary) => {
    adminDraftStore.update({
      member: { id: m.id, name: m.name, idNumberMasked: m.idNumberMasked, orgName: m.orgName },
      answers: {},
      receiver: null,
    })
    onDone()
  }
  return (
    <View>
      <View className="section-title">{s.member}</View>
      <View className="picker-search">
        <Input className="field-input" value={q} placeholder={s.memberSearch} aria-label={s.memberSearch}
          onInput={(e) => setQ(e.detail.value)} onConfirm={() => void search()} />
        <Button className="btn btn-primary picker-search-btn" disabled={busy} onClick={() => void search()}>{zh.picker.search}</Button>
      </View>
      <ErrorBanner error={error} />
      {list && list.length === 0 ? <View className="muted">{s.noMembers}</View> : null}
      {list && list.length >= MEMBER_LIST_MAX ? <View className="notice">{zh.common.membersCapped(MEMBER_LIST_MAX)}</View> : null}
      {list?.map((m) => (
        <View key={m.id} className="list-item member-row">
          <View className="list-item-title">{m.name}</View>
          <View className="list-item-sub">{m.idNumberMasked} · {m.orgName}</View>
          <Button className="btn btn-small btn-primary" onClick={() => pick(m)}>{s.pickMember}</Button>
        </View>
      ))}
    </View>
  )
}

function QuestionsStep({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const draft = useAdminDraft()
  // A changed answer may change whom to transfer to; walking through unchanged ones (修改申请) keeps the receiver.
  const save = (answers: Partial<Answers>) =>
    adminDraftStore.update((d) => ({ ...d, answers, receiver: sameAnswers(d.answers, answers) ? d.receiver : null }))
  return <AnswersForMember answers={draft.answers} save={save} onDone={onDone} onBack={onBack} />
}

function ReceiverStep({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const draft = useAdminDraft()
  const state = useResolution(draft.answers, 'outgoing-admin')
  const [typed, setTyped] = useState(draft.receiver && !draft.receiver.orgId ? draft.receiver.orgName : '')
  const [typedError, setTypedError] = useState('')
  const s = zh.admin.start
  if (!state.ok) return <UnresolvedAnswers message={state.error.message} onBack={onBack} />
  const r = state.resolution
  const startable = (r.outcome === 'transfer' || r.outcome === 'retain') && state.canSubmit
  const pick = (org: OrgView) => {
    adminDraftStore.update({ receiver: { orgId: org.id, orgName: org.name, pathText: org.path.map((p) => p.name).join(' / ') } })
    onDone()
  }
  const useTyped = () => {
    // The same rule the API applies (libs/rules): the other province's system finds the receiver by this name.
    const problem = leagueOrgNameProblem(typed)
    if (problem) return setTypedError(problem)
    adminDraftStore.update({ receiver: { orgName: typed.trim() } })
    onDone()
  }
  return (
    <View>
      <ResolutionCard resolution={r} destination={draft.answers.destination} />
      {r.outcome === 'delete-record' && draft.member ? (
        <RecordDeletion memberId={draft.member.id} who="admin" afterSent={
          <Button className="btn btn-primary" onClick={() => { adminDraftStore.reset(); nav.replace(ROUTES.adminRequests, { box: 'sent' }) }}>
            {zh.recordDeletion.toSent}
          </Button>
        } />
      ) : null}
      {!startable && r.outcome !== 'delete-record' ? <View className="notice">{zh.resolution.outcomeWait}</View> : null}
      {startable && r.needsNamedOrg && r.crossSystem ? (
        <View className="card">
          <View className="notice">{s.crossTyped}</View>
          <Field label={zh.picker.typedName} name="typedName" value={typed} maxLength={ORG_NAME_MAX}
            placeholder={zh.picker.typedPlaceholder} onChange={(v) => { setTyped(v); setTypedError('') }} error={typedError} />
          <Button className="btn btn-primary" onClick={useTyped}>{zh.picker.typedConfirm}</Button>
        </View>
      ) : null}
      {startable && r.needsNamedOrg && !r.crossSystem ? (
        <View>
          <View className="section-title">{s.receiver}</View>
          <OrgPicker fits={(org) => targetFits(r.target, org, { crossSystem: r.crossSystem })} onPick={pick}
            selectedId={draft.receiver?.orgId} />
        </View>
      ) : null}
      {startable && !r.needsNamedOrg ? (
        <Button className="btn btn-primary" onClick={() => { adminDraftStore.update({ receiver: null }); onDone() }}>{zh.common.next}</Button>
      ) : null}
      <Button className="btn" onClick={onBack}>{zh.resolution.changeAnswers}</Button>
    </View>
  )
}

function ConfirmStep({ onBack }: { onBack: () => void }) {
  const draft = useAdminDraft()
  const state = useResolution(draft.answers, 'outgoing-admin')
  const [errors, setErrors] = useState<FieldErrors>({})
  const { busy, error, run } = useAction()
  const a = zh.apply
  if (!state.ok || !draft.member) return null
  const r = state.resolution
  const retention = r.writtenApplication
  const f = draft.fields
  const set = (key: keyof ApplicationFields) => (value: string) => {
    adminDraftStore.update((d) => ({ ...d, fields: { ...d.fields, [key]: value } }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const submit = async () => {
    const found = checkFields(f, { retention, emergencyRequired: false })
    setErrors(found)
    if (Object.values(found).some(Boolean)) return
    const receiver = r.needsNamedOrg ? draft.receiver : null
    const editing = draft.editing
    if (editing) {
      // A change: never whom it is for; a contact left blank stays as it was.
      const changed = await run(() => api.modifyTransfer(editing, transferBody(state.answers, receiver, f, { retention })))
      if (!changed) return
      adminDraftStore.reset()
      nav.back(ROUTES.adminInbox)
      return
    }
    const memberId = draft.member!.id
    const created = await run(() => api.startTransfer(transferBody(state.answers, receiver, f, { retention, memberId })))
    if (!created) return
    adminDraftStore.reset()
    nav.replace(ROUTES.adminDetail, { id: created.id, box: 'outgoing' })
  }
  return (
    <View>
      <View className="card">
        <Row label={zh.resolution.goesTo} value={zh.resolution.targets[r.target] ?? r.target} />
        <Row label={a.receiver} value={r.needsNamedOrg ? draft.receiver?.orgName : a.receiverNone} />
        {r.crossSystem ? <Row label="" value={zh.transfer.crossSystem} /> : null}
      </View>
      <View className="card">
        <Field label={a.emergencyName} name="emergencyName" value={f.emergencyName} maxLength={EMERGENCY_CONTACT_NAME_MAX}
          onChange={set('emergencyName')} error={errors.emergencyName} />
        <Field label={a.emergencyPhone} name="emergencyPhone" type="number" maxLength={PHONE_LENGTH} value={f.emergencyPhone}
          onChange={set('emergencyPhone')} error={errors.emergencyPhone} />
        {retention ? (
          <View>
            <Field label={a.retentionWhere} name="retentionWhere" value={f.retentionWhere} maxLength={RETENTION_WHERE_MAX}
              onChange={set('retentionWhere')} error={errors.retentionWhere} />
            <Field label={a.retentionMonths} name="retentionMonths" type="number" maxLength={String(RETENTION_MONTHS.max).length} value={f.retentionMonths}
              onChange={set('retentionMonths')} error={errors.retentionMonths} />
            <Field label={a.retentionContact} name="retentionContact" value={f.retentionContact} maxLength={RETENTION_CONTACT_MAX}
              onChange={set('retentionContact')} error={errors.retentionContact} />
          </View>
        ) : null}
        <Field label={a.remarks} name="remarks" value={f.remarks} maxLength={REMARKS_MAX} counter
          placeholder={a.remarksPlaceholder} onChange={set('remarks')} error={errors.remarks} />
      </View>
      <View className="muted small">{withdrawSentence(r)}</View>
      <ErrorBanner error={error} keepsInput />
      {/* The member already has one under way that this admin is a party to: straight to it. */}
      {error?.openTransfer ? (
        <Button className="btn" onClick={() => nav.to(ROUTES.adminDetail, { id: error.openTransfer!.id })}>{a.viewOpen}</Button>
      ) : null}
      {draft.editing && !f.emergencyPhone ? <View className="muted small">{zh.admin.start.contactKept}</View> : null}
      <Button className="btn btn-primary" disabled={busy} onClick={submit}>{busy ? zh.common.saving : draft.editing ? zh.admin.start.saveChange : a.submit}</Button>
      <Button className="btn" onClick={onBack}>{a.edit}</Button>
    </View>
  )
}
