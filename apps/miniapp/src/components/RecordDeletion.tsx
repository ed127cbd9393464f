import { useState, type ReactNode } from 'react'
import { View, Button } from '@tarojs/components'
import type { RequestView } from '@xianjie/contract'
import { zh } from '../i18n/zh'
import { RecordDeletionForm, type DeletionFiler } from './RecordDeletionForm'
import { Row } from './Row'

interface Props {
  memberId: string
  who: DeletionFiler
  /** A request already filed about this member (the member's own, from 我提交的): its state instead of a second form. */
  filed?: RequestView | null
  /** Under the state once a request is filed: where the filer can follow it. */
  afterSent?: ReactNode
}

/**
 * 删除误录的团员信息, for the graduate's result page and the admin's 代为发起: the form, then where
 * the request stands and who decides next. A rejected one may be filed again.
 */
export function RecordDeletion({ memberId, who, filed, afterSent }: Props) {
  const [sent, setSent] = useState<RequestView | null>(null)
  const [again, setAgain] = useState(false)
  const shown = sent ?? filed ?? null
  if (shown && !again) {
    return (
      <View>
        <DeletionState request={shown} justSent={!!sent} />
        {shown.status === 'rejected' ? <Button className="btn" onClick={() => setAgain(true)}>{zh.recordDeletion.again}</Button> : null}
        {afterSent}
      </View>
    )
  }
  return <RecordDeletionForm memberId={memberId} who={who} onSent={(r) => { setSent(r); setAgain(false) }} />
}

/** Where a deletion request stands: which level has it (学校团委, then 省级团委), or what was decided. */
function DeletionState({ request: r, justSent }: { request: RequestView; justSent: boolean }) {
  const z = zh.recordDeletion
  const next = r.status === 'pending' ? z.nextSteps[r.stage ?? 'school']?.(r.deciderOrgName) ?? [] : []
  return (
    <View className="card record-deletion-state">
      {justSent ? <View className="success" role="status">{z.sent}</View> : <View className="card-title">{z.title}</View>}
      <Row label={z.state} value={zh.requests.states[r.status]!(r.deciderOrgName)} />
      <Row label={z.partyMember} value={z.choice[String(r.payload.isPartyMember === true)]} />
      <Row label={z.reason} value={r.reason} />
      {r.decisionComment ? <Row label={zh.requests.decisionComment} value={r.decisionComment} /> : null}
      {next.length ? (
        <View>
          <View className="section-title">{z.next}</View>
          <View className="bullets">
            {next.map((line) => <View className="bullet" key={line}>{line}</View>)}
          </View>
        </View>
      ) : null}
      {r.status === 'approved' ? <View className="muted">{z.approved}</View> : null}
      {r.status === 'rejected' ? <View className="muted">{z.rejected}</View> : null}
    </View>
  )
}
