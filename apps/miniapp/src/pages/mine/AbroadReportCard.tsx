import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import type { AbroadReportState } from '@xianjie/contract'
import { ABROAD_REPORT_NOTE } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { Row } from '../../components/Row'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'

/**
 * 定期报告: a member kept at school while abroad reports on themselves. Shown only to them (`/me`'s
 * `abroadReport`), with their state from the start — last report, next due, overdue — and after a
 * report the state the API answers with.
 */
export function AbroadReportCard({ initial }: { initial: AbroadReportState }) {
  const [note, setNote] = useState('')
  const [tooShort, setTooShort] = useState('')
  const [state, setState] = useState<AbroadReportState>(initial)
  const [sent, setSent] = useState(false)
  const send = useAction()
  const z = zh.mine.report

  const submit = async () => {
    const text = note.trim()
    if ([...text].length < ABROAD_REPORT_NOTE.min) return setTooShort(z.tooShort(ABROAD_REPORT_NOTE.min))
    const done = await send.run(() => api.abroadReport(text))
    if (!done) return
    setState(done)
    setSent(true)
    setNote('')
  }

  return (
    <View className="card abroad-report">
      <View className="card-title">{z.title}</View>
      <View className="muted small">{z.intro}</View>
      {sent ? <View className="success">{z.sent}</View> : null}
      <Row label={z.lastAt} value={state.lastReportAt ? formatTime(state.lastReportAt) : z.never} />
      <Row label={z.dueAt} value={formatTime(state.dueAt)} />
      <Row label={z.interval} value={z.every(state.intervalMonths)} />
      {state.overdue ? <View className="error-banner" data-testid="abroad-overdue">{z.overdue}</View> : null}
      <Field label={z.note} name="abroadNote" value={note} maxLength={ABROAD_REPORT_NOTE.max} counter
        onChange={(v) => { setNote(v); setTooShort('') }} error={tooShort} />
      <ErrorBanner error={send.error} keepsInput />
      <Button className="btn btn-primary" disabled={send.busy} loading={send.busy} onClick={submit}>{z.submit}</Button>
    </View>
  )
}
