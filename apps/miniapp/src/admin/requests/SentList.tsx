import { View } from '@tarojs/components'
import type { RequestView } from '@xianjie/contract'
import { TOWNSHIP_CORRECTION_CASE_LABELS } from '@xianjie/rules'
import { Row } from '../../components/Row'
import { formatTime, zh } from '../../i18n/zh'
import { Trail } from './Trail'

/** 我提交的: each request the caller reported, where it stands now (which level has it, or who decided) and how it got there. */
export function SentList({ items }: { items: RequestView[] }) {
  const z = zh.requests
  if (!items.length) return <View className="muted">{z.emptySent}</View>
  return (
    <View>
      {items.map((r) => (
        <View key={r.id} className="card request-item sent-item">
          <View className="card-title">{z.kinds[r.kind]}</View>
          <View className={`request-state request-state-${r.status}`}>{z.states[r.status]!(r.deciderOrgName)}</View>
          <Row label={z.subject} value={r.subjectFullName ?? r.subjectName} block />
          {r.case ? <Row label={z.case} value={TOWNSHIP_CORRECTION_CASE_LABELS[r.case]} /> : null}
          <Row label={z.reason} value={r.reason} />
          <Row label={z.sentAt} value={formatTime(r.createdAt)} />
          {r.decisionComment ? <Row label={z.decisionComment} value={r.decisionComment} /> : null}
          <Trail steps={r.trail} />
        </View>
      ))}
    </View>
  )
}
