import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import type { AbroadReportView } from '@xianjie/contract'
import { ABROAD_REPORT_NOTE } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { Row } from '../../components/Row'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'

/**
 * 定期报告: a member kept at school while abroad reports on themselves. Whether one is kept abroad
 * only the API knows (Me does not say), so the card is offered to every member and a 409
 * NOT_KEPT_ABROAD shows the API's own message.
 */
export function AbroadReportCard() {
  const [note, setNote] = useState('')
  const [tooShort, setTooShort] = useState('')
  const [result, setResult] = useState<AbroadReportView | null>(null)
  const send = useAction()
  const z = zh.mine.report

  const submit = async () => {
    const text = note.trim()
    if ([...text].length < ABROAD_REPORT_NOTE.min) return setTooShort(z.tooShort(ABROAD_REPORT_NOTE.min))
    const done = await send.run(() => api.abroadReport(text))
    if (!done) return
    setResult(done)
    setNote('')
  }

  return (
    <View className="card abroad-report">
      <View className="card-title">{z.title}</View>
      <View className="muted small">{z.intro}</View>
      {result ? (
        <View>
          <View className="success">{z.sent}</View>
          <Row label={z.lastAt} value={formatTime(result.lastReportAt ?? result.at)} />
          <Row label={z.dueAt} value={formatTime(result.dueAt)} />
          <View className="muted small">{z.every(result.intervalMonths)}</View>
          {result.overdue ? <View className="error-banner">{z.overdue}</View> : null}
        </View>
      ) : null}
      <Field label={z.note} name="abroadNote" value={note} maxLength={ABROAD_REPORT_NOTE.max} counter
        onChange={(v) => { setNote(v); setTooShort('') }} error={tooShort} />
      <ErrorBanner error={send.error} />
      <Button className="btn btn-primary" disabled={send.busy} loading={send.busy} onClick={submit}>{z.submit}</Button>
    </View>
  )
}
