import { useEffect, useState } from 'react'
import { View, Button } from '@tarojs/components'
import { isValidIdNumber, normalizeIdNumber } from '@xianjie/rules'
import { ID_NUMBER_LENGTH, PASSWORD_MAX } from '@xianjie/contract'
import { api, getSessionUser, getToken, mustChangePassword } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { useAction } from '../../hooks/useAction'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { peekReturn, takeReturn } from '../../store/return-to'
import { ForgotPassword } from './ForgotPassword'
import { PrivacySheet } from '../../components/PrivacySheet'
import './index.scss'

/** 登录: ID number and password. The first password is the ID's last 8 characters. */
export default function LoginPage() {
  const [idNumber, setIdNumber] = useState('')
  const [password, setPassword] = useState('')
  const [idError, setIdError] = useState('')
  const [passwordError, setPasswordError] = useState('')
  const [forgotOpen, setForgotOpen] = useState(false)
  const { busy, error, run } = useAction({ authRedirect: false })

  // A reminder link opened before logging in, or a session that expired on a page: say why we are
  // here, and go back there afterwards.
  const [notice] = useState(() => {
    const back = peekReturn()
    return back?.route === ROUTES.reminder ? zh.reminder.loginNotice : back?.expired ? zh.login.expiredNotice : null
  })

  const proceed = (mustChange: boolean, admin: boolean) => {
    if (mustChange) return nav.relaunch(ROUTES.password)
    const back = takeReturn()
    if (back) nav.relaunch(back.route, back.query)
    // Admins home by way of the workbench stop, which preloads the admin subpackage in the weapp.
    else nav.relaunch(admin && process.env.TARO_ENV === 'weapp' ? ROUTES.workbench : ROUTES.home)
  }

  useEffect(() => {
    if (getToken()) proceed(mustChangePassword(), (getSessionUser()?.roles.length ?? 0) > 0)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const submit = async () => {
    const id = normalizeIdNumber(idNumber)
    const idOk = isValidIdNumber(id)
    setIdError(idOk ? '' : id ? zh.login.invalidId : zh.login.missingId)
    setPasswordError(password ? '' : zh.login.missingPassword)
    if (!idOk || !password) return
    const result = await run(() => api.login(id, password))
    if (!result) return
    proceed(result.mustChangePassword, result.user.roles.length > 0)
  }

  return (
    <View className="page login">
      <View className="login-brand">
        <View className="login-name">{zh.appName}</View>
        <View className="login-tagline">{zh.appTagline}</View>
      </View>
      {notice ? <View className="notice">{notice}</View> : null}
      <PrivacySheet />
      <View className="card">
        <ErrorBanner error={error} keepsInput />
        <Field
          label={zh.login.idNumber}
          name="idNumber"
          type="idcard"
          maxLength={ID_NUMBER_LENGTH}
          value={idNumber}
          placeholder={zh.login.idNumberPlaceholder}
          onChange={(v) => { setIdNumber(v); setIdError('') }}
          error={idError}
        />
        <Field
          label={zh.login.password}
          name="password"
          password
          maxLength={PASSWORD_MAX}
          value={password}
          placeholder={zh.login.passwordPlaceholder}
          onChange={(v) => { setPassword(v); setPasswordError('') }}
          error={passwordError}
          hint={zh.login.hint}
        />
        <Button className="btn btn-primary" disabled={busy} loading={busy} onClick={submit}>
          {zh.login.submit}
        </Button>
        <View className="link forgot-link" onClick={() => setForgotOpen((o) => !o)}>{zh.login.forgot}</View>
        {forgotOpen ? <ForgotPassword idNumber={idNumber} /> : null}
      </View>
    </View>
  )
}
