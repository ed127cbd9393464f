import { useEffect, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import type { ReminderLanding } from '@xianjie/contract'
import { api, getToken, mustChangePassword } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Row } from '../../components/Row'
import { SubscribeButton } from '../../components/SubscribeButton'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { forgetReturn, rememberReturn } from '../../store/return-to'
import { STATUS_TEXT } from '../../transfer-view'

/**
 * 办理提醒: where a graduate's reminder link lands. It needs that graduate's login: the token is
 * remembered through login and the first-password change, and the person comes back here. Then:
 * what is left to do, and one tap into the questionnaire (or to the transfer already started).
 */
export default function ReminderPage() {
  // A shared link carries `token`; a scanned 小程序码 carries the short code as `scene`.
  const { token: linkToken = '', scene = '' } = useParams()
  const token = linkToken || scene
  const query: Record<string, string> = linkToken ? { token: linkToken } : { scene }
  const [landing, setLanding] = useState<ReminderLanding | null>(null)
  const { busy, error, run } = useAction()
  const z = zh.reminder

  const load = async () => {
    const here = { route: ROUTES.reminder, query }
    // Kept until the link answers, so an expired session also comes back here after login.
    rememberReturn(here)
    if (!getToken()) return nav.relaunch(ROUTES.login)
    if (mustChangePassword()) return nav.relaunch(ROUTES.password)
    const result = await run(() => (linkToken ? api.openReminder(linkToken) : api.openReminderCode(scene)))
    if (result) setLanding(result)
  }

  useEffect(() => {
    if (token) void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token])

  // Answered (or refused for good): nothing to come back to after a later login.
  useEffect(() => {
    if (landing || (error && error.status !== 401 && !error.isNetwork)) forgetReturn()
  }, [landing, error])

  const switchAccount = () => {
    api.logout()
    rememberReturn({ route: ROUTES.reminder, query })
    nav.relaunch(ROUTES.login)
  }

  if (!token) {
    return (
      <View className="page reminder">
        <View className="notice">{z.missingToken}</View>
        <Button className="btn btn-primary" onClick={() => nav.relaunch(ROUTES.home)}>{z.goHome}</Button>
      </View>
    )
  }

  // One message, not a title and a second sentence saying the same (the page knows who is logged in).
  if (error?.code === 'REMINDER_EXPIRED' || error?.code === 'REMINDER_NOT_FOUND') {
    const expired = error.code === 'REMINDER_EXPIRED'
    return (
      <View className="page reminder">
        <View className="page-title">{z.title}</View>
        <View className="notice" role="alert">{expired ? error.message : z.notYours}</View>
        {!expired ? <Button className="btn btn-primary" onClick={switchAccount}>{z.switchAccount}</Button> : null}
        <Button className={`btn${expired ? ' btn-primary' : ''}`} onClick={() => nav.relaunch(ROUTES.home)}>{z.goHome}</Button>
      </View>
    )
  }

  return (
    <View className="page reminder">
      <View className="page-title">{z.title}</View>
      <ErrorBanner error={error} />
      {error ? <Button className="btn" disabled={busy} onClick={() => void load()}>{zh.common.retry}</Button> : null}
      {!landing && !error ? <View className="muted">{zh.common.loading}</View> : null}
      {landing ? <Landing landing={landing} /> : null}
    </View>
  )
}

function Landing({ landing: l }: { landing: ReminderLanding }) {
  const z = zh.reminder
  const started = l.status !== 'not-started'
  const lead = l.status === 'completed' ? z.completed : l.status === 'in-progress' ? z.inProgress : z.notStarted
  return (
    <View>
      <View className="card">
        <View className="card-title">{z.hello(l.name)}</View>
        <View className={l.status === 'completed' ? 'success' : l.status === 'in-progress' ? 'muted' : 'notice'}>{lead}</View>
        {l.transfer ? (
          <>
            <Row label={zh.transfer.status} value={STATUS_TEXT(l.transfer.status)} />
            {l.transfer.targetOrgName ? <Row label={z.receiver} value={l.transfer.targetOrgName} /> : null}
          </>
        ) : null}
        {!started && l.deadline ? (
          <Row label={z.deadline} value={`${l.deadline.startedBy}（${z.daysLeft(l.deadline.daysLeft)}）`} />
        ) : null}
      </View>
      {l.steps.length ? (
        <View className="card">
          <View className="card-title">{z.steps}</View>
          <View className="bullets">
            {l.steps.map((s) => <View className="bullet" key={s}><Text>{s}</Text></View>)}
          </View>
        </View>
      ) : null}
      {started ? (
        <Button className="btn btn-primary" onClick={() => nav.to(ROUTES.transfer)}>{z.viewTransfer}</Button>
      ) : (
        <Button className="btn btn-primary" onClick={() => nav.to(ROUTES.questionnaire)}>{z.start}</Button>
      )}
      {l.status !== 'completed' ? <SubscribeButton /> : null}
      <View className="muted small reminder-expiry">{z.expiresAt(formatTime(l.expiresAt))}</View>
      <Button className="btn btn-text" onClick={() => nav.relaunch(ROUTES.home)}>{zh.common.home}</Button>
    </View>
  )
}
