import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { RequestView } from '@xianjie/contract'
import { TOWNSHIP_CORRECTION_CASE_LABELS } from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { Row } from '../../components/Row'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import '../admin.scss'

type Action = 'approve' | 'reject' | 'forward'

/**
 * 待处理的请求: what waits for the caller's own orgs (each level sees only its own). A township
 * correction may also be passed up one level; whatever is done, the item leaves the list.
 */
export default function RequestsPage() {
  const [items, setItems] = useState<RequestView[] | null>(null)
  const [comments, setComments] = useState<Record<string, string>>({})
  const [results, setResults] = useState<string[]>([])
  const load = useAction()
  const act = useAction()
  const z = zh.requests

  useDidShow(() => {
    void load.run(() => api.requests({ box: 'waiting' })).then((found) => found && setItems(found))
  })

  const decide = async (r: RequestView, action: Action) => {
    const comment = comments[r.id]?.trim() || undefined
    const done = await act.run(() => api.decideRequest(r.id, action, comment))
    if (!done) return
    setItems((list) => (list ?? []).filter((x) => x.id !== r.id))
    setResults((lines) => [...lines, `${z.done[action]}：${z.kinds[r.kind]} · ${r.subjectFullName ?? r.subjectName}`])
  }

  return (
    <View className="page requests">
      <ErrorBanner error={load.error ?? act.error} />
      {results.map((line) => <View key={line} className="success">{line}</View>)}
      {items && !items.length ? <View className="muted">{z.empty}</View> : null}
      {(items ?? []).map((r) => (
        <View key={r.id} className="card request-item">
          <View className="card-title">{z.kinds[r.kind]}</View>
          <Row label={z.subject} value={r.subjectFullName ?? r.subjectName} />
          {r.case ? <Row label={z.case} value={TOWNSHIP_CORRECTION_CASE_LABELS[r.case]} /> : null}
          <Row label={z.reason} value={r.reason} />
          {r.trail.length ? (
            <View className="request-trail">
              <View className="muted small">{z.trail}</View>
              {r.trail.map((s) => (
                <View key={`${s.fromOrgId}-${s.at}`} className="small">
                  {z.passed(s.fromOrgName, s.toOrgName, formatTime(s.at))}{s.comment ? `：${s.comment}` : ''}
                </View>
              ))}
            </View>
          ) : null}
          <Field label={z.comment} name={`comment-${r.id}`} value={comments[r.id] ?? ''} maxLength={500}
            onChange={(v) => setComments((c) => ({ ...c, [r.id]: v }))} />
          <View className="btn-row">
            <Button className="btn" disabled={act.busy} onClick={() => decide(r, 'reject')}>{z.reject}</Button>
            <Button className="btn btn-primary" disabled={act.busy} onClick={() => decide(r, 'approve')}>{z.approve}</Button>
          </View>
          {r.kind === 'township-correction' ? (
            <Button className="btn" disabled={act.busy} onClick={() => decide(r, 'forward')}>{z.forward}</Button>
          ) : null}
        </View>
      ))}
    </View>
  )
}
