import { useState } from 'react'
import { Button, View } from '@tarojs/components'
import { NAME_MAX, type PasswordHelp } from '@xianjie/contract'
import { isValidIdNumber, normalizeIdNumber } from '@xianjie/rules'
import { api } from '../../api'
import { Field } from '../../components/Field'
import { zh } from '../../i18n/zh'

/**
 * 忘记密码: how a reset works, and — for an ID number with its own name — whom to ask. The name keeps
 * an ID number alone from telling a stranger that someone is registered, or where. Looked up on a tap
 * (the server limits lookups per ID number), once per ID number and name.
 */
export function ForgotPassword({ idNumber }: { idNumber: string }) {
  const id = normalizeIdNumber(idNumber)
  const ready = isValidIdNumber(id)
  const [name, setName] = useState('')
  const [help, setHelp] = useState<{ key: string; help: PasswordHelp | null; error: string } | null>(null)
  const key = `${id}\n${name.trim()}`

  const look = () => {
    if (!ready || !name.trim() || help?.key === key) return
    const asked = key
    setHelp({ key: asked, help: null, error: '' })
    api.forgotPassword(id, name.trim()).then(
      (h) => setHelp((now) => (now?.key === asked ? { key: asked, help: h, error: '' } : now)),
      (e: { message?: string }) => setHelp((now) => (now?.key === asked ? { key: asked, help: null, error: e?.message || zh.login.forgotNone } : now)),
    )
  }

  const current = help?.key === key ? help : null
  return (
    <View className="notice forgot-password">
      <View className="forgot-title">{zh.login.forgotTitle}</View>
      <View>{zh.login.forgotHow}</View>
      {!ready ? <View>{zh.login.forgotTypeId}</View> : null}
      {ready ? (
        <>
          <Field label={zh.login.forgotName} name="forgotName" value={name} maxLength={NAME_MAX} onChange={setName} />
          <Button className="btn" disabled={!name.trim()} onClick={look}>{zh.login.forgotLook}</Button>
        </>
      ) : null}
      {current && !current.help && !current.error ? <View>{zh.login.forgotLooking}</View> : null}
      {current?.error ? <View className="error">{current.error}</View> : null}
      {current?.help && current.help.contacts.length === 0 ? <View>{zh.login.forgotNone}</View> : null}
      {current?.help && current.help.contacts.length > 0 ? (
        <View>
          <View>{zh.login.forgotContacts}</View>
          {current.help.contacts.map((c) => (
            <View key={`${c.name}-${c.phoneMasked}`} className="forgot-contact">
              {zh.login.forgotContact(c.name, c.orgName, c.phoneMasked)}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
