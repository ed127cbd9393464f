import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { passwordProblem } from '@xianjie/rules'
import { PASSWORD_MAX } from '@xianjie/contract'
import { api, markPasswordChanged, mustChangePassword } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { useAction } from '../../hooks/useAction'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { takeReturn } from '../../store/return-to'

/** 修改密码 — forced after the first login, until done every other request is refused. */
export default function PasswordPage() {
  const [oldPassword, setOld] = useState('')
  const [newPassword, setNew] = useState('')
  const [repeat, setRepeat] = useState('')
  const [localError, setLocalError] = useState('')
  const { busy, error, run } = useAction({ authRedirect: false })
  const forced = mustChangePassword()

  const submit = async () => {
    if (!oldPassword || !newPassword || !repeat) return setLocalError(zh.password.missing)
    if (newPassword !== repeat) return setLocalError(zh.password.mismatch)
    if (newPassword === oldPassword) return setLocalError(zh.password.sameAsOld)
    // The same rule the server applies (libs/rules); the server also checks the ID number.
    const problem = passwordProblem(newPassword)
    if (problem) return setLocalError(problem)
    setLocalError('')
    const ok = await run(async () => {
      await api.changePassword(oldPassword, newPassword)
      return true
    })
    if (!ok) return
    markPasswordChanged()
    // Back to the reminder link that brought the person here, if one did.
    const back = takeReturn()
    if (back) nav.relaunch(back.route, back.query)
    else nav.relaunch(ROUTES.home)
  }

  return (
    <View className="page">
      <View className="page-title">{zh.password.title}</View>
      {forced ? <View className="notice">{zh.password.forcedNotice}</View> : null}
      <View className="card">
        <ErrorBanner error={localError || error} keepsInput />
        {!localError && !error ? <View className="hint password-rule">{zh.password.rule}</View> : null}
        <Field label={zh.password.old} name="oldPassword" password maxLength={PASSWORD_MAX} value={oldPassword}
          placeholder={zh.password.oldPlaceholder} onChange={setOld} error={error?.fieldMessage('oldPassword')} />
        <Field label={zh.password.new} name="newPassword" password maxLength={PASSWORD_MAX} value={newPassword}
          placeholder={zh.password.newPlaceholder} onChange={setNew} error={error?.fieldMessage('newPassword')} />
        <Field label={zh.password.repeat} name="repeat" password maxLength={PASSWORD_MAX} value={repeat} onChange={setRepeat} />
        <Button className="btn btn-primary" disabled={busy} loading={busy} onClick={submit}>
          {zh.password.submit}
        </Button>
      </View>
    </View>
  )
}
