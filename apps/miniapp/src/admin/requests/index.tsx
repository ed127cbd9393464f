import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { RequestView } from '@xianjie/contract'
import { TOWNSHIP_CORRECTION_CASE_LABELS } from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { LoadMore } from '../../components/LoadMore'
import { Row } from '../../components/Row'
import { useAction } from '../../hooks/useAction'
import { useMe } from '../../hooks/useMe'
import { usePages } from '../../hooks/usePages'
import { isOrgAdmin } from '../../roles'
import { zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { SentList } from './SentList'
import { Trail } from './Trail'
import '../admin.scss'

type Action = 'approve' | 'reject' | 'forward'
type Box = 'waiting' | 'sent'
const BOXES: Box[] = ['waiting', 'sent']
const PAGE_SIZE = 50

/**
 * 待我处理: what waits for the caller's own orgs (each level sees only its own); a township
 * correction may also be passed up one level, and whatever is done the item leaves the list.
 * 我提交的: what the caller reported, and which level has it now.
 */
export default function RequestsPage() {
  const params = useParams()
  const [box, setBox] = useState<Box>(params.box === 'sent' ? 'sent' : 'waiting')
  const list = usePages<RequestView>((r) => r.id)
  const [loaded, setLoaded] = useState(false)
  const [comments, setComments] = useState<Record<string, string>>({})
  const [results, setResults] = useState<string[]>([])
  const load = useAction()
  const act = useAction()
  const { me } = useMe()
  // Reporting a township flag is an org-admin's; a provincial reviewer only decides what is passed on.
  const reporter = !!me && isOrgAdmin(me.roles)
  const z = zh.requests

  const show = (next: Box) => {
    setBox(next)
    setLoaded(false)
    setResults([])
    void load.run(() => api.requests({ box: next, limit: PAGE_SIZE })).then((page) => {
      if (!page) return
      list.reset(page)
      setLoaded(true)
    })
  }
  // Back from the report screen, 我提交的 shows the new one.
  useDidShow(() => show(box))

  const decide = async (r: RequestView, action: Action) => {
    const comment = comments[r.id]?.trim() || undefined
    const done = await act.run(() => api.decideRequest(r.id, action, comment))
    if (!done) return
    list.remove(r.id)
    // A school committee's 同意 on a deletion passes it to the province: still pending, one level up.
    const said = action === 'approve' && done.status === 'pending' ? z.done.passedOn : z.done[action]
    setResults((lines) => [...lines, `${said}：${z.kinds[r.kind]} · ${r.subjectFullName ?? r.subjectName}`])
  }

  return (
    <View className="page requests">
      <View className="chips chips-row boxes">
        {BOXES.map((b) => (
          <View key={b} className={`chip${b === box ? ' chip-active' : ''}`} onClick={() => !load.busy && show(b)}>{z.boxes[b]}</View>
        ))}
      </View>
      {reporter ? <Button className="btn report-entry" onClick={() => nav.to(ROUTES.adminTownshipReport)}>{z.report}</Button> : null}
      <ErrorBanner error={load.error ?? act.error} />
      {load.busy && !loaded ? <View className="muted">{zh.common.loading}</View> : null}
      {box === 'sent' && loaded ? <SentList items={list.rows} /> : null}
      {box === 'waiting' ? results.map((line) => <View key={line} className="success">{line}</View>) : null}
      {box === 'waiting' && loaded && !list.rows.length ? <View className="muted">{z.empty}</View> : null}
      {box === 'waiting' && loaded ? list.rows.map((r) => (
        <View key={r.id} className="card request-item">
          <View className="card-title">{z.kinds[r.kind]}</View>
          <Row label={z.subject} value={r.subjectFullName ?? r.subjectName} block />
          {r.case ? <Row label={z.case} value={TOWNSHIP_CORRECTION_CASE_LABELS[r.case]} /> : null}
          <Row label={z.reason} value={r.reason} />
          {r.kind === 'record-deletion' ? <Row label={z.partyMember} value={zh.recordDeletion.choice[String(r.payload.isPartyMember === true)]} /> : null}
          {r.forwardedAt ? <Row label={z.schoolComment} value={r.forwardComment || z.schoolCommentNone} /> : null}
          <Trail steps={r.trail} />
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
      )) : null}
      {loaded ? (
        <LoadMore left={list.left} busy={list.more.busy} error={list.more.error}
          onMore={() => void list.loadMore((offset) => api.requests({ box, limit: PAGE_SIZE, offset }))} />
      ) : null}
    </View>
  )
}
