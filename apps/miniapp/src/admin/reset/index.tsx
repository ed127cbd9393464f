import { useState } from 'react'
import { View, Button, Input, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { MEMBER_LIST_MAX, type MemberSummary } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAction } from '../../hooks/useAction'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import '../admin.scss'

/**
 * 重置团员密码: a branch secretary finds the member (the list is their own subtree), resets, and
 * is shown what to tell them — the first-password rule, then the change it forces.
 */
export default function ResetPage() {
  const [q, setQ] = useState('')
  const [rows, setRows] = useState<MemberSummary[] | null>(null)
  const [asked, setAsked] = useState<MemberSummary | null>(null)
  const [done, setDone] = useState<MemberSummary | null>(null)
  const list = useAction()
  const reset = useAction()
  const z = zh.reset

  const search = async (term = q) => {
    const found = await list.run(() => api.members(term.trim() ? { q: term.trim() } : {}))
    if (found) setRows(found)
  }
  useDidShow(() => {
    if (!rows) void search('')
  })

  const confirm = async () => {
    if (!asked) return
    const ok = await reset.run(async () => {
      await api.resetPassword(asked.id)
      return true
    })
    if (ok) {
      setDone(asked)
      setAsked(null)
    }
  }

  if (done) {
    return (
      <View className="page reset">
        <View className="page-title">{z.title}</View>
        <View className="success" role="status">{z.done(done.name)}</View>
        <View className="card">
          <View className="card-title">{z.tell}</View>
          <View className="bullets">
            {z.rule(done.idNumberMasked).map((line) => <View className="bullet" key={line}><Text>{line}</Text></View>)}
          </View>
        </View>
        <Button className="btn btn-primary" onClick={() => setDone(null)}>{z.another}</Button>
        <Button className="btn btn-text" onClick={() => nav.relaunch(ROUTES.home)}>{zh.common.home}</Button>
      </View>
    )
  }

  return (
    <View className="page reset">
      <View className="page-title">{z.title}</View>
      <View className="muted small">{z.intro}</View>
      <View className="picker-search">
        <Input className="field-input" value={q} placeholder={z.search} aria-label={z.search} confirmType="search"
          onInput={(e) => setQ(e.detail.value)} onConfirm={() => void search()} />
        <Button className="btn btn-primary picker-search-btn" disabled={list.busy} onClick={() => void search()}>{z.searchGo}</Button>
      </View>
      <ErrorBanner error={list.error} />
      {rows && rows.length === 0 ? <View className="muted">{z.empty}</View> : null}
      {rows && rows.length >= MEMBER_LIST_MAX ? <View className="notice">{zh.common.membersCapped(MEMBER_LIST_MAX)}</View> : null}
      {rows?.map((m) => (
        <View key={m.id} className="list-item reset-row" data-member-id={m.id}>
          <View className="list-item-title"><Text>{m.name}</Text></View>
          <View className="list-item-sub">{m.orgName} · {m.idNumberMasked}</View>
          {asked?.id === m.id ? (
            <View className="confirm-box">
              <View className="confirm-title">{z.confirm(m.name)}</View>
              <View className="muted small">{z.confirmHint}</View>
              <ErrorBanner error={reset.error} />
              <View className="btn-row">
                <Button className="btn" onClick={() => setAsked(null)}>{zh.common.cancel}</Button>
                <Button className="btn btn-danger" disabled={reset.busy} onClick={() => void confirm()}>{z.go}</Button>
              </View>
            </View>
          ) : (
            <Button className="btn btn-small" onClick={() => { reset.setError(null); setAsked(m) }}>{z.action}</Button>
          )}
        </View>
      ))}
      <Button className="btn btn-text" onClick={() => nav.back(ROUTES.home)}>{zh.common.home}</Button>
    </View>
  )
}
