import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { REQUEST_REASON, type RequestView } from '@xianjie/contract'
import { LEAGUE_AGE_LIMIT } from '@xianjie/rules'
import { api } from '../api'
import { useAction } from '../hooks/useAction'
import { zh } from '../i18n/zh'
import { ErrorBanner } from './ErrorBanner'
import { Field } from './Field'

/** Who is filing: the member about themself, or an org-admin for a member of their subtree. */
export type DeletionFiler = 'self' | 'admin'

interface Props {
  memberId: string
  who: DeletionFiler
  onSent: (sent: RequestView) => void
}

/**
 * 申请删除误录记录: whether the person is a party member (asked, never assumed) and why. The age
 * rule for party members needs the birth date, which the phone only has masked, so the API
 * decides it; its refusals show with what to do next.
 */
export function RecordDeletionForm({ memberId, who, onSent }: Props) {
  const [party, setParty] = useState<boolean | null>(null)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState<{ party?: string; reason?: string }>({})
  const { busy, error, run } = useAction()
  const z = zh.recordDeletion

  const submit = async () => {
    const length = [...reason.trim()].length
    const found = {
      party: party === null ? z.partyMissing : undefined,
      reason: length < REQUEST_REASON.min ? z.reasonShort(REQUEST_REASON.min) : length > REQUEST_REASON.max ? z.reasonLong(REQUEST_REASON.max) : undefined,
    }
    setMissing(found)
    if (found.party || found.reason || party === null) return
    const sent = await run(() => api.requestRecordDeletion(memberId, { isPartyMember: party, reason: reason.trim() }))
    if (sent) onSent(sent)
  }

  const help = error ? z.refusalHelp[who]?.[error.code] : undefined
  return (
    <View className="card record-deletion">
      <View className="card-title">{z.title}</View>
      <View className="muted small">{z.intro}</View>
      <View className="section-title">{z.partyMember}</View>
      <View className="chips party-choice">
        {[true, false].map((v) => (
          <View key={String(v)} className={`chip${party === v ? ' chip-active' : ''}`} role="radio" aria-checked={party === v}
            onClick={() => { setParty(v); setMissing((m) => ({ ...m, party: undefined })) }}>
            {z.choice[String(v)]}
          </View>
        ))}
      </View>
      {missing.party ? <View className="field-message">{missing.party}</View> : null}
      {party ? <View className="notice">{z.partyKeeps(LEAGUE_AGE_LIMIT)}</View> : null}
      <Field label={z.reason} name="deletionReason" value={reason} maxLength={REQUEST_REASON.max} counter placeholder={z.reasonPlaceholder[who]}
        onChange={(v) => { setReason(v); setMissing((m) => ({ ...m, reason: undefined })) }} error={missing.reason ?? error?.fieldMessage('reason')} />
      <ErrorBanner error={error} keepsInput />
      {help ? <View className="notice refusal-help">{help}</View> : null}
      <Button className="btn btn-primary" disabled={busy} onClick={() => void submit()}>{busy ? zh.common.saving : z.submit}</Button>
    </View>
  )
}
