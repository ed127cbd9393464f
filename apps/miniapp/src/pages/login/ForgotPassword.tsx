import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { isValidIdNumber, normalizeIdNumber } from '@xianjie/rules'
import type { PasswordHelp } from '@xianjie/contract'
import { api } from '../../api'
import { zh } from '../../i18n/zh'

/**
 * 忘记密码: how a reset works, and — once a well-formed ID number is typed — whom to ask.
 * Looked up once per ID number: the server limits lookups, and the answer does not change.
 */
export function ForgotPassword({ idNumber }: { idNumber: string }) {
  const id = normalizeIdNumber(idNumber)
  const ready = isValidIdNumber(id)
  const [help, setHelp] = useState<{ id: string; help: PasswordHelp | null; error: string } | null>(null)

  useEffect(() => {
    if (!ready || help?.id === id) return
    let live = true
    setHelp({ id, help: null, error: '' })
    api.forgotPassword(id).then(
      (h) => live && setHelp({ id, help: h, error: '' }),
      (e: { message?: string }) => live && setHelp({ id, help: null, error: e?.message || zh.login.forgotNone }),
    )
    return () => {
      live = false
    }
  }, [id, ready]) // eslint-disable-line react-hooks/exhaustive-deps

  const current = help?.id === id ? help : null
  return (
    <View className="notice forgot-password">
      <View className="forgot-title">{zh.login.forgotTitle}</View>
      <View>{zh.login.forgotHow}</View>
      {!ready ? <View>{zh.login.forgotTypeId}</View> : null}
      {ready && current && !current.help && !current.error ? <View>{zh.login.forgotLooking}</View> : null}
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
