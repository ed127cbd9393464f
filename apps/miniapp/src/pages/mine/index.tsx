import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { isValidMobile } from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { Row } from '../../components/Row'
import { useAction } from '../../hooks/useAction'
import { useMe } from '../../hooks/useMe'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { PrivacySheet } from '../../components/PrivacySheet'
import { AbroadReportCard } from './AbroadReportCard'

/** 我的: who I am, and my own mobile, which I keep current (domain §7) — one person, one number. */
export default function MinePage() {
  const { me, error, reload } = useMe()
  const [phone, setPhone] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [typed, setTyped] = useState('')
  const [fieldError, setFieldError] = useState('')
  const [saved, setSaved] = useState(false)
  const save = useAction()
  const z = zh.mine
  const shown = phone ?? me?.phone ?? ''

  const submit = async () => {
    const value = typed.trim()
    if (!isValidMobile(value)) return setFieldError(zh.apply.badPhone)
    if (value === shown) return setFieldError(z.samePhone)
    const done = await save.run(() => api.changePhone(value))
    if (!done) return
    setPhone(done.phone)
    setEditing(false)
    setSaved(true)
  }

  return (
    <View className="page mine">
      <ErrorBanner error={error} onRetry={reload} />
      <PrivacySheet />
      {saved ? <View className="success">{z.phoneSaved}</View> : null}
      <View className="card">
        <Row label={zh.apply.name} value={me?.name ?? ''} />
        <Row label={zh.apply.idNumber} value={me?.idNumberMasked ?? ''} />
        {me?.member ? <Row label={zh.home.myOrg} value={me.member.orgName} /> : null}
        <Row label={z.phone} value={shown} />
        {editing ? (
          <View>
            <Field label={z.newPhone} name="newPhone" type="number" maxLength={11} value={typed}
              onChange={(v) => { setTyped(v); setFieldError('') }} error={fieldError} hint={z.phoneHint} />
            <ErrorBanner error={save.error} keepsInput />
            <View className="btn-row">
              <Button className="btn" onClick={() => { setEditing(false); save.setError(null) }}>{zh.common.cancel}</Button>
              <Button className="btn btn-primary" disabled={save.busy} loading={save.busy} onClick={submit}>{z.savePhone}</Button>
            </View>
          </View>
        ) : (
          <Button className="btn" onClick={() => { setEditing(true); setSaved(false); setTyped('') }}>{z.changePhone}</Button>
        )}
      </View>
      {me?.abroadReport ? <AbroadReportCard initial={me.abroadReport} /> : null}
      {me?.member?.graduationYear ? <Button className="btn" onClick={() => nav.to(ROUTES.destination)}>{z.destination}</Button> : null}
      <Button className="btn" onClick={() => nav.to(ROUTES.password)}>{z.changePassword}</Button>
      <Button className="btn btn-text" onClick={() => nav.back()}>{zh.common.home}</Button>
    </View>
  )
}
