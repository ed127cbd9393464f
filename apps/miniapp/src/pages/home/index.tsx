import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { answerLabel, isOpen } from '@xianjie/rules'
import type { DestinationReportView, Me, TransferView } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAction } from '../../hooks/useAction'
import { formatDay, formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { draftStore, redoFrom, useDraft } from '../../store/draft'
import { WorkEntries } from '../../components/WorkEntries'
import { memberIdOf, STATUS_TEXT } from '../../transfer-view'

/** 首页: who I am, where my transfer stands, what to do next. */
export default function HomePage() {
  const [me, setMe] = useState<Me | null>(null)
  const [latest, setLatest] = useState<TransferView | null>(null)
  const [destination, setDestination] = useState<DestinationReportView | null | undefined>(undefined)
  const draft = useDraft()
  const { error, run } = useAction()

  const load = useCallback(async () => {
    await run(async () => {
      const who = await api.me()
      setMe(who)
      if (who.member) {
        // A graduating member is asked for their destination in advance; both reads at once, and
        // home works without the second (the card is only a shortcut).
        const [list, mine] = await Promise.all([
          api.memberTransfers(memberIdOf(who)),
          who.member.graduationYear ? api.myDestination().catch(() => undefined) : Promise.resolve(undefined),
        ])
        setLatest(list[0] ?? null)
        setDestination(mine)
      }
    })
  }, [run])

  useDidShow(() => {
    void load()
  })

  const logout = () => {
    api.logout()
    draftStore.reset()
    nav.relaunch(ROUTES.login)
  }

  const [againAsked, setAgainAsked] = useState(false)
  const hasDraft = Object.keys(draft.answers).length > 0
  // 重新提交: the rejected application's answers and form, kept; only what was wrong changes.
  const redo = () => {
    if (!latest) return
    draftStore.set(redoFrom(latest))
    nav.to(ROUTES.apply)
  }
  // A completed graduate transfers again only on purpose: a fresh questionnaire from the new org.
  const startAgain = () => {
    draftStore.reset()
    setAgainAsked(false)
    nav.to(ROUTES.questionnaire)
  }
  const open = latest && isOpen(latest.status)

  return (
    <View className="page home">
      <ErrorBanner error={error} onRetry={() => void load()} />
      {/* Until /me answers there is nothing to show but the way out: say it is coming. */}
      {!me && !error ? <View className="muted">{zh.common.loading}</View> : null}
      {me ? (
        <View className="card">
          <View className="card-title">{zh.home.hello(me.name)}</View>
          {me.member ? (
            <View className="muted">
              <Text>{zh.home.myOrg}：{me.member.orgName}</Text>
              {me.member.isGraduate ? <Text className="tag">{zh.home.graduate(me.member.graduationYear)}</Text> : null}
            </View>
          ) : me.roles.length ? (
            <View className="muted">
              {me.roles.map((r) => <View key={`${r.role}-${r.orgId}`}>{zh.home.roleLine(r.role, r.orgName ?? r.orgId)}</View>)}
            </View>
          ) : (
            <View className="muted">{zh.home.noMember}</View>
          )}
        </View>
      ) : null}

      {me?.member ? (
        open && latest ? (
          <View className="card">
            <View className="card-title">{zh.home.openTransfer}</View>
            <View className="muted">
              {STATUS_TEXT(latest.status)} · {latest.targetOrgName ?? ''}
            </View>
            <Button className="btn btn-primary" onClick={() => nav.to(ROUTES.transfer)}>{zh.home.myTransfer}</Button>
          </View>
        ) : latest?.status === 'rejected' && latest.escalation ? (
          // A township's refusal is a path under way (domain §4): whom to call now, kept meanwhile.
          <View className="card home-rejected">
            <View className="card-title">{zh.home.township.title}</View>
            <View className="muted">{zh.transfer.rejected}：{latest.rejectionReason || zh.common.empty}</View>
            {latest.escalation.current ? <View className="notice">{zh.home.township.callNow(latest.escalation.current.orgName)}</View> : null}
            {latest.escalation.retainedUntil ? (
              <View className="muted">{zh.home.township.retained(formatDay(latest.escalation.retainedUntil))}</View>
            ) : null}
            <Button className="btn btn-primary" onClick={() => nav.to(ROUTES.transfer)}>{zh.home.myTransfer}</Button>
            <Button className="btn" onClick={redo}>{zh.transfer.redo}</Button>
          </View>
        ) : latest?.status === 'rejected' ? (
          <View className="card home-rejected">
            <View className="card-title">{zh.home.rejected}</View>
            <View className="muted">{zh.transfer.rejected}：{latest.rejectionReason || zh.common.empty}</View>
            <Button className="btn btn-primary" onClick={redo}>{zh.transfer.redo}</Button>
            <Button className="btn" onClick={() => nav.to(ROUTES.transfer)}>{zh.home.myTransfer}</Button>
          </View>
        ) : latest?.status === 'completed' && !hasDraft ? (
          <View className="card home-completed">
            <View className="card-title">{zh.home.completed(placeOf(me, latest))}</View>
            <View className="muted">{zh.home.completedAt(formatTime(latest.closedAt ?? latest.updatedAt ?? latest.createdAt))}</View>
            <Button className="btn btn-primary" onClick={() => nav.to(ROUTES.transfer)}>{zh.home.myTransfer}</Button>
            {againAsked ? (
              <View className="notice">
                <View>{zh.home.againConfirm(me.member.orgName)}</View>
                <View className="btn-row">
                  <Button className="btn" onClick={() => setAgainAsked(false)}>{zh.common.cancel}</Button>
                  <Button className="btn btn-primary" onClick={startAgain}>{zh.home.againYes}</Button>
                </View>
              </View>
            ) : (
              <Button className="btn btn-text" onClick={() => setAgainAsked(true)}>{zh.home.again(me.member.orgName)}</Button>
            )}
          </View>
        ) : (
          <View className="card">
            <View className="numbered">
              {zh.home.steps.map((s, i) => (
                <View className="numbered-item" key={s}>{i + 1}. {s}</View>
              ))}
            </View>
            <Button className="btn btn-primary" onClick={() => nav.to(ROUTES.questionnaire)}>
              {hasDraft ? zh.home.resume : zh.home.start}
            </Button>
            {hasDraft ? (
              <Button className="btn" onClick={() => { draftStore.reset(); nav.to(ROUTES.questionnaire) }}>
                {zh.home.restart}
              </Button>
            ) : null}
            {latest ? (
              <Button className="btn" onClick={() => nav.to(ROUTES.transfer)}>{zh.home.myTransfer}</Button>
            ) : null}
          </View>
        )
      ) : null}

      {me?.member && !latest && destination !== undefined ? <DestinationCard report={destination} /> : null}
      {me?.abroadReport ? <ReportReminder report={me.abroadReport} /> : null}
      {me ? <WorkEntries me={me} /> : null}
      {me ? <Button className="btn" onClick={() => nav.to(ROUTES.mine)}>{zh.home.mine}</Button> : null}
      <Button className="btn btn-text" onClick={logout}>{zh.home.logout}</Button>
    </View>
  )
}

/** 毕业去向预填, before a transfer is started: what the school has of it, and the way to fill it in. */
function DestinationCard({ report }: { report: DestinationReportView | null }) {
  const z = zh.home.destination
  const what = report ? [answerLabel('destination', report.destination), report.organisationName].filter(Boolean).join(' · ') : ''
  return (
    <View className="card home-destination">
      <View className="card-title">{z.title}</View>
      <View className={report ? 'muted' : 'notice'}>{report ? z.done(what) : z.none}</View>
      <Button className="btn" onClick={() => nav.to(ROUTES.destination)}>{report ? z.edit : z.go}</Button>
    </View>
  )
}

/** A member kept abroad reports periodically (定期报告, on 我的): when the next is due, from home. */
function ReportReminder({ report }: { report: NonNullable<Me['abroadReport']> }) {
  const z = zh.home.report
  const due = formatDay(report.dueAt)
  return (
    <View className="card home-report">
      <View className={report.overdue ? 'error-banner' : 'notice'}>{report.overdue ? z.overdue(due) : z.due(due)}</View>
      <Button className="btn" onClick={() => nav.to(ROUTES.mine)}>{z.go}</Button>
    </View>
  )
}

/**
 * Where a completed transfer put the member: the branch they are in now (the assigned branch,
 * not the receiving org above it), or the special-unit library, which has no branch to name.
 */
function placeOf(me: Me, t: TransferView): string {
  if (t.path === 'special-unit') return zh.resolution.targets['special-unit-library'] ?? ''
  return me.member?.orgName || t.targetOrgName || ''
}
