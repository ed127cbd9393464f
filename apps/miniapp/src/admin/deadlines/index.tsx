import { useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { CampaignView, PreparationCheck } from '@xianjie/contract'
import { DAY_TEXT_MAX, dayFromText, type CampaignDates } from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import '../admin.scss'

/** In the order a school meets them. */
const KEYS: (keyof CampaignDates)[] = ['preparationBy', 'startedBy', 'employedUnplacedBy', 'receivedBy', 'postgraduateCivilServantBy', 'furtherStudyBy']

type Form = Record<keyof CampaignDates, string>
const formOf = (c: CampaignView): Form => Object.fromEntries(KEYS.map((k) => [k, c[k]])) as Form

/**
 * 工作时限设置: the school admin's campaign dates per group (domain §7) and the May 15
 * preparation check (branches marked, statistics table filed). The API checks the dates.
 */
export default function DeadlinesPage() {
  const params = useParams()
  const [orgId, setOrgId] = useState('')
  const [campaign, setCampaign] = useState<CampaignView | null>(null)
  const [preparation, setPreparation] = useState<PreparationCheck | null>(null)
  const [form, setForm] = useState<Form | null>(null)
  const [saved, setSaved] = useState(false)
  const load = useAction()
  const save = useAction()
  const d = zh.deadlines

  useDidShow(() => {
    void load.run(async () => {
      let id = orgId || params.orgId
      if (!id) {
        const me = await api.me()
        id = me.roles.find((r) => r.role === 'org-admin')?.orgId ?? ''
      }
      if (!id) return
      setOrgId(id)
      const [c, progress] = await Promise.all([api.campaign(id), api.progress(id)])
      setCampaign(c)
      setForm(formOf(c))
      setPreparation(progress.preparation ?? null)
    })
  })

  const submit = async () => {
    if (!campaign || !form) return
    // Typed as people write dates (2026/10/8, 2026年10月8日), sent as YYYY-MM-DD; what reads as no day goes as typed, for the API's field message.
    const changed = Object.fromEntries(
      KEYS.map((k) => [k, dayFromText(form[k]) ?? form[k].trim()] as const).filter(([k, v]) => v !== campaign[k]),
    )
    setSaved(false)
    const next = await save.run(() => api.saveCampaign(campaign.orgId, changed, campaign.year))
    if (!next) return
    setCampaign(next)
    setForm(formOf(next))
    setSaved(true)
  }

  const notSchool = !!campaign && campaign.orgId !== orgId
  return (
    <View className="page deadlines">
      <View className="page-title">{d.title}</View>
      <ErrorBanner error={load.error} />
      {load.busy && !campaign ? <View className="muted">{zh.common.loading}</View> : null}
      {campaign ? (
        <View className="muted small">{campaign.orgName} · {zh.campaign.year(campaign.year)} · {campaign.custom ? d.custom : d.defaults}</View>
      ) : null}
      {preparation ? <Preparation check={preparation} onMark={() => nav.to(ROUTES.adminMarks, { orgId })} /> : null}
      {notSchool ? (
        <View className="card school-dates">
          <View className="muted">{d.notSchool}</View>
          {/* The school's dates, to read: the college works to them. */}
          {KEYS.map((k) => (
            <View key={k} className="deadline"><Text>{d.fields[k]}</Text><Text className="deadline-day">{campaign[k]}</Text></View>
          ))}
        </View>
      ) : null}
      {campaign && form && !notSchool ? (
        <View className="card">
          <View className="muted small">{d.intro}</View>
          {KEYS.map((k) => (
            <Field key={k} name={k} label={d.fields[k]!} value={form[k]} maxLength={DAY_TEXT_MAX} hint={d.format}
              error={save.error?.fieldMessage(k)}
              onChange={(v) => {
                setForm({ ...form, [k]: v })
                setSaved(false)
              }} />
          ))}
          <ErrorBanner error={save.error && !KEYS.some((k) => save.error?.fieldMessage(k)) ? save.error : null} keepsInput />
          {saved ? <View className="success">{d.saved}</View> : null}
          <Button className="btn btn-primary" disabled={save.busy} loading={save.busy} onClick={submit}>{d.save}</Button>
        </View>
      ) : null}
      {orgId ? <Button className="btn" onClick={() => nav.to(ROUTES.adminStatistics, { orgId })}>{zh.campaign.statistics}</Button> : null}
      <Button className="btn btn-text" onClick={() => nav.back(ROUTES.adminCampaign)}>{zh.campaign.up}</Button>
    </View>
  )
}

function Preparation({ check: p, onMark }: { check: PreparationCheck; onMark: () => void }) {
  const c = zh.campaign
  const line = (ok: boolean, text: string) => (
    <View className={ok ? 'list-item-sub' : 'list-item-sub deadline-late'}><Text>{ok ? '✓ ' : '✗ '}{text}</Text></View>
  )
  return (
    <View className="card preparation">
      <View className="card-title">{c.preparation}</View>
      <View className={`deadline${p.daysLeft < 0 && !p.ready ? ' deadline-late' : ''}`}>
        <Text>{c.preparationDue(p.dueBy)}</Text>
        <Text>{p.ready ? c.preparationReady : c.daysLeft(p.daysLeft)}</Text>
      </View>
      {line(p.dataEntered, c.dataEntered(p.dataEntered))}
      {line(p.unmarkedBranches === 0, c.unmarked(p.unmarkedBranches))}
      {p.unmarkedBranchList.length ? <View className="muted small">{p.unmarkedBranchList.map((b) => b.name).join('、')}</View> : null}
      {p.unmarkedBranches > 0 ? <Button className="btn btn-small" onClick={onMark}>{zh.marks.go}</Button> : null}
      {line(p.statisticsFiled, c.statisticsFiled(p.statisticsFiledAt ? formatTime(p.statisticsFiledAt) : null))}
    </View>
  )
}
