import { useEffect, useState } from 'react'
import { View, Button } from '@tarojs/components'
import { ABROAD_REPORT_MONTHS_RANGE, isValidReportInterval } from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { useAction } from '../../hooks/useAction'
import { zh } from '../../i18n/zh'

/**
 * 出国(境)团员报告周期: how often the members abroad under this org report (its own setting, the
 * nearest above it, or the default 6 months); an admin changes it here, 1–12 whole months.
 */
export function AbroadInterval({ orgId, canSet }: { orgId: string; canSet: boolean }) {
  const [months, setMonths] = useState<number | null>(null)
  const [editing, setEditing] = useState(false)
  const [typed, setTyped] = useState('')
  const [typedError, setTypedError] = useState('')
  const [saved, setSaved] = useState(false)
  const save = useAction()
  const z = zh.ledger.interval

  useEffect(() => {
    // Only a line of context: the ledger works without it.
    api.abroadReportInterval(orgId).then((v) => setMonths(v.months), () => setMonths(null))
  }, [orgId])

  const submit = async () => {
    const n = Number(typed.trim())
    if (!typed.trim() || !isValidReportInterval(n)) return setTypedError(z.invalid(ABROAD_REPORT_MONTHS_RANGE.min, ABROAD_REPORT_MONTHS_RANGE.max))
    const done = await save.run(() => api.setAbroadReportInterval(orgId, n))
    if (!done) return
    setMonths(done.months)
    setEditing(false)
    setSaved(true)
  }

  if (months === null) return null
  return (
    <View className="card abroad-interval">
      <View className="card-title">{z.title}</View>
      <View className="muted">{z.current(months)}</View>
      {saved ? <View className="success">{z.saved}</View> : null}
      {editing ? (
        <View>
          <Field label={z.months} name="intervalMonths" type="number" maxLength={2} value={typed} error={typedError}
            hint={z.hint} onChange={(v) => { setTyped(v); setTypedError('') }} />
          <ErrorBanner error={save.error} keepsInput />
          <View className="btn-row">
            <Button className="btn" onClick={() => { setEditing(false); save.setError(null) }}>{zh.common.cancel}</Button>
            <Button className="btn btn-primary" disabled={save.busy} loading={save.busy} onClick={submit}>{z.save}</Button>
          </View>
        </View>
      ) : canSet ? (
        <Button className="btn btn-small" onClick={() => { setEditing(true); setSaved(false); setTyped(String(months)) }}>{z.change}</Button>
      ) : null}
    </View>
  )
}
