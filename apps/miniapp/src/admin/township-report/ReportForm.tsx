import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { REQUEST_REASON, type OrgView, type RequestView } from '@xianjie/contract'
import {
  correctionRefusal, fullOrgName, ORG_DOMAIN_LABELS, ORG_KIND_LABELS, TOWNSHIP_CORRECTION_CASE_LABELS, TOWNSHIP_CORRECTION_CASES,
  type TownshipCorrectionCase,
} from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { Row } from '../../components/Row'
import { useAction } from '../../hooks/useAction'
import { zh } from '../../i18n/zh'

/** What the flag should be in each case; a flag never identified may be either, so the admin says. */
const ASKED: Record<TownshipCorrectionCase, boolean | null> = { 'wrongly-flagged': false, 'wrongly-not-flagged': true, 'flag-empty': null }

interface Props {
  org: OrgView
  onSent: (sent: RequestView) => void
  onAnother: () => void
}

/**
 * The org in full with its flag as stored, the case, what it should be and why. A case that
 * contradicts the stored flag cannot be chosen (the rules library says which); anything else the
 * API refuses — not a township-capable org, a report already open — shows its own message.
 */
export function ReportForm({ org, onSent, onAnother }: Props) {
  const [choice, setChoice] = useState<TownshipCorrectionCase | null>(null)
  const [asked, setAsked] = useState<boolean | null>(null)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState('')
  const { busy, error, run } = useAction()
  const z = zh.townshipReport

  const fitsFlag = (c: TownshipCorrectionCase) => {
    const want = ASKED[c]
    return want === null || correctionRefusal(c, org.isTownship, want, org) !== 'case-mismatch'
  }
  const pick = (c: TownshipCorrectionCase) => {
    if (!fitsFlag(c)) return
    setChoice(c)
    setAsked(ASKED[c])
    setMissing('')
  }
  const submit = async () => {
    if (!choice) return setMissing(z.pickCase)
    if (asked === null) return setMissing(z.pickAsked)
    setMissing('')
    const sent = await run(() => api.reportTownshipFlag(org.id, { isTownship: asked, case: choice, reason: reason.trim() }))
    if (sent) onSent(sent)
  }

  return (
    <View className="township-form">
      <View className="card">
        <Row label={z.fullName} value={fullOrgName(org.path)} block />
        <Row label={z.kind} value={`${ORG_DOMAIN_LABELS[org.domain] ?? org.domain} · ${ORG_KIND_LABELS[org.kind] ?? org.kind}`} />
        <Row label={z.current} value={z.flag[String(org.isTownship)]} />
        <Button className="btn btn-text" onClick={onAnother}>{z.another}</Button>
      </View>
      <View className="section-title">{z.case}</View>
      <View className="options">
        {TOWNSHIP_CORRECTION_CASES.map((c) => {
          const fits = fitsFlag(c)
          const selected = choice === c
          return (
            <View key={c} className={`option case-option${selected ? ' option-selected' : ''}${fits ? '' : ' option-disabled'}`}
              role="radio" aria-checked={selected} aria-disabled={!fits} onClick={() => pick(c)}>
              <Text className="option-label">{TOWNSHIP_CORRECTION_CASE_LABELS[c]}</Text>
              <View className="option-help">{fits ? z.caseHelp[c] : z.caseMismatch}</View>
            </View>
          )
        })}
      </View>
      {choice === 'flag-empty' ? (
        <View>
          <View className="section-title">{z.asked}</View>
          <View className="chips">
            {[true, false].map((v) => (
              <View key={String(v)} className={`chip${asked === v ? ' chip-active' : ''}`} role="radio" aria-checked={asked === v}
                onClick={() => { setAsked(v); setMissing('') }}>
                {z.flag[String(v)]}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      <View className="card">
        <Field label={z.reason} name="reason" value={reason} maxLength={REQUEST_REASON.max} counter placeholder={z.reasonPlaceholder}
          onChange={setReason} error={error?.fieldMessage('reason')} />
      </View>
      <ErrorBanner error={missing || error} keepsInput />
      <Button className="btn btn-primary" disabled={busy} onClick={() => void submit()}>{busy ? zh.common.saving : z.submit}</Button>
    </View>
  )
}
