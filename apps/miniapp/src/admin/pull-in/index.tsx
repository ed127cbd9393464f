import { useEffect, useState } from 'react'
import { View, Button } from '@tarojs/components'
import { targetFits, type Answers } from '@xianjie/rules'
import { EMERGENCY_CONTACT_NAME_MAX, PHONE_LENGTH, REMARKS_MAX, type OrgView as Org, type PullInCandidate } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { OrgPicker } from '../../components/OrgPicker'
import { ResolutionCard, UnresolvedAnswers } from '../../components/ResolutionCard'
import { Row } from '../../components/Row'
import { checkFields, transferBody, type FieldErrors } from '../../forms'
import { useAction } from '../../hooks/useAction'
import { useResolution } from '../../hooks/useResolution'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { emptyFields, type ApplicationFields } from '../../store/draft'
import { initialAnswers, withPullInPath } from './answers'
import { BatchUpload } from './BatchUpload'
import { MemberStep, type Typed } from './MemberStep'
import { WaitingList } from './WaitingList'
import { AnswersForMember } from '../AnswersForMember'
import '../admin.scss'

type Step = 'member' | 'questions' | 'receiver' | 'confirm'

/**
 * 发起转入: a receiving admin names a member by name + ID number, answers the questionnaire
 * for them, picks one of its own orgs and submits. Kept in the page's memory only: the full
 * ID number is never written to the phone's storage.
 */
export default function PullInPage() {
  const [step, setStep] = useState<Step>('member')
  const [own, setOwn] = useState<Org | null>(null)
  const [member, setMember] = useState<{ typed: Typed; found: PullInCandidate } | null>(null)
  const [answers, setAnswers] = useState<Partial<Answers>>({})
  const [receiver, setReceiver] = useState<Org | null>(null)
  // A waiting graduate picked from the list: their name fills the form (a new key starts it afresh).
  const [picked, setPicked] = useState({ name: '', key: 0 })
  const { error, run } = useAction()
  const z = zh.admin.pullIn

  useEffect(() => {
    void run(async () => {
      const admin = (await api.me()).roles.find((r) => r.role === 'org-admin')
      if (admin) setOwn(await api.org(admin.orgId))
    })
  }, [run])

  return (
    <View className="page admin-pull-in">
      <View className="page-title">{z.title}</View>
      <ErrorBanner error={error} />
      {member ? (
        <View className="card">
          <Row label={zh.admin.member} value={`${member.found.name} ${member.found.idNumberMasked}`} />
          <Row label={z.oldOrg} value={member.found.orgName} />
          <Row label={z.phone} value={member.found.phoneMasked} />
          <Button className="btn btn-text" onClick={() => { setMember(null); setStep('member') }}>{z.another}</Button>
        </View>
      ) : null}
      {step === 'member' ? (
        <View>
          <View className="muted small">{z.intro}</View>
          <MemberStep key={picked.key} name={picked.name} onFound={(typed, found) => {
            setMember({ typed, found })
            setAnswers(initialAnswers(own))
            setReceiver(null)
            setStep('questions')
          }} />
          <WaitingList onPick={(w) => setPicked((p) => ({ name: w.name, key: p.key + 1 }))} />
          <BatchUpload />
        </View>
      ) : null}
      {step === 'questions' ? (
        <AnswersForMember answers={answers} save={(a) => { setAnswers(withPullInPath(a)); setReceiver(null) }}
          onDone={() => setStep('receiver')} onBack={() => setStep('member')} />
      ) : null}
      {step === 'receiver' && own ? (
        <ReceiverStep answers={answers} own={own} selected={receiver}
          onPick={(org) => { setReceiver(org); setStep('confirm') }} onBack={() => setStep('questions')} />
      ) : null}
      {step === 'confirm' && member && receiver ? (
        <ConfirmStep typed={member.typed} answers={answers} receiver={receiver} onBack={() => setStep('receiver')} />
      ) : null}
    </View>
  )
}

/** Only the admin's own org and what lies below it, and of those only what fits the resolution. */
function ReceiverStep({ answers, own, selected, onPick, onBack }: {
  answers: Partial<Answers>; own: Org; selected: Org | null; onPick: (org: Org) => void; onBack: () => void
}) {
  const state = useResolution(answers, 'receiving-admin')
  const z = zh.admin.pullIn
  if (!state.ok) return <UnresolvedAnswers message={state.error.message} onBack={onBack} />
  const r = state.resolution
  const startable = r.outcome === 'transfer' && state.canSubmit && r.needsNamedOrg
  const fits = (org: Org) => {
    if (!org.path.some((p) => p.id === own.id)) return { ok: false as const, reason: z.notOwn }
    return targetFits(r.target, org, { crossSystem: r.crossSystem })
  }
  const ownFit = fits(own)
  return (
    <View>
      <ResolutionCard resolution={r} destination={answers.destination} />
      {!startable ? <View className="notice">{z.cannot}</View> : (
        <View>
          <View className="section-title">{z.receiver}</View>
          {ownFit.ok ? <Button className="btn btn-primary pull-in-own" onClick={() => onPick(own)}>{z.pickOwn(own.name)}</Button> : null}
          <OrgPicker root={{ id: own.id, name: own.name }} fits={fits} onPick={onPick} selectedId={selected?.id} />
        </View>
      )}
      <Button className="btn" onClick={onBack}>{zh.resolution.changeAnswers}</Button>
    </View>
  )
}

function ConfirmStep({ typed, answers, receiver, onBack }: { typed: Typed; answers: Partial<Answers>; receiver: Org; onBack: () => void }) {
  const state = useResolution(answers, 'receiving-admin')
  const [fields, setFields] = useState<ApplicationFields>(emptyFields)
  const [errors, setErrors] = useState<FieldErrors>({})
  const { busy, error, run } = useAction()
  const a = zh.apply
  if (!state.ok) return null
  const r = state.resolution
  const set = (key: keyof ApplicationFields) => (value: string) => {
    setFields((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const submit = async () => {
    const found = checkFields(fields, { retention: false, emergencyRequired: false })
    setErrors(found)
    if (Object.values(found).some(Boolean)) return
    const body = { ...transferBody(state.answers, { orgId: receiver.id, orgName: receiver.name }, fields, { retention: false }), memberIdNumber: typed.idNumber, memberName: typed.name }
    const created = await run(() => api.startTransfer(body))
    if (created) nav.replace(ROUTES.adminDetail, { id: created.id, box: 'incoming' })
  }
  return (
    <View>
      <View className="card">
        <Row label={zh.resolution.goesTo} value={zh.resolution.targets[r.target] ?? r.target} />
        <Row label={a.receiver} value={receiver.name} />
      </View>
      <View className="card">
        <Field label={a.emergencyName} name="emergencyName" value={fields.emergencyName} maxLength={EMERGENCY_CONTACT_NAME_MAX}
          onChange={set('emergencyName')} error={errors.emergencyName} />
        <Field label={a.emergencyPhone} name="emergencyPhone" type="number" maxLength={PHONE_LENGTH} value={fields.emergencyPhone}
          onChange={set('emergencyPhone')} error={errors.emergencyPhone} />
        <Field label={a.remarks} name="remarks" value={fields.remarks} maxLength={REMARKS_MAX} counter
          placeholder={a.remarksPlaceholder} onChange={set('remarks')} error={errors.remarks} />
      </View>
      <ErrorBanner error={error} keepsInput />
      <Button className="btn btn-primary" disabled={busy} onClick={() => void submit()}>{busy ? zh.common.saving : a.submit}</Button>
      <Button className="btn" onClick={onBack}>{a.edit}</Button>
    </View>
  )
}
