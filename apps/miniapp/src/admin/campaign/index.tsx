import { useCallback, useMemo, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { maskMobile } from '@xianjie/rules'
import type { NotStartedGraduate, OrgProgress, OrgRef, ProgressReport, RoleGrantView } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LoadMore } from '../../components/LoadMore'
import { useAction } from '../../hooks/useAction'
import { usePages } from '../../hooks/usePages'
import { useMemberPhone } from '../../hooks/useMemberPhone'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { firstWatched, isOrgAdmin, watchedOrgs } from '../../roles'
import { hasGraduationDuties, progressOfSchool } from '../../school'
import { ProgressBar } from '../ProgressBar'
import { timeElapsed, toneOf } from '../progress-view'
import { reminderBatch } from '../reminder-batch'
import '../admin.scss'

const PAGE_SIZE = 50

/**
 * 转接进度 (the counsellor's home): the cohort's progress against the deadline, drill-down to
 * colleges and branches, the graduates who have not started, and reminder links for them.
 */
export default function CampaignPage() {
  const params = useParams()
  const [orgs, setOrgs] = useState<OrgRef[]>([])
  const [roles, setRoles] = useState<RoleGrantView[]>([])
  const [stack, setStack] = useState<OrgRef[]>([])
  const [report, setReport] = useState<ProgressReport | null>(null)
  const [branchId, setBranchId] = useState('')
  const list = usePages<NotStartedGraduate>((g) => g.id)
  const { rows, total } = list
  const [selected, setSelected] = useState<Map<string, NotStartedGraduate>>(new Map())
  const [pickError, setPickError] = useState('')
  const load = useAction()
  const create = useAction()
  const phone = useMemberPhone()
  const c = zh.campaign
  const current = stack[stack.length - 1]

  const loadOrg = useCallback(async (org: OrgRef, branch: string) => {
    await load.run(async () => {
      const [progress, page] = await Promise.all([
        api.progress(org.id),
        api.notStarted(org.id, { branchId: branch || undefined, limit: PAGE_SIZE }),
      ])
      setReport(progress)
      list.reset(page)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useDidShow(() => {
    void (async () => {
      let first: OrgRef | undefined = stack[0]
      if (!first) {
        const me = await load.run(() => api.me())
        if (!me) return
        const mine = watchedOrgs(me.roles)
        setOrgs(mine)
        setRoles(me.roles)
        first = mine.find((o) => o.id === params.orgId) ?? firstWatched(me.roles)
        if (!first) return
        setStack([first])
      }
      await loadOrg(stack[stack.length - 1] ?? first, branchId)
    })()
  })

  const goTo = (next: OrgRef[]) => {
    setStack(next)
    setBranchId('')
    void loadOrg(next[next.length - 1]!, '')
  }
  const drill = (child: OrgProgress) => goTo([...stack, { id: child.orgId, name: child.orgName }])
  const filter = (id: string) => {
    setBranchId(id)
    if (current) void loadOrg(current, id)
  }
  const loadMore = () => {
    if (current) void list.loadMore((offset) => api.notStarted(current.id, { branchId: branchId || undefined, limit: PAGE_SIZE, offset }))
  }

  const toggle = (g: NotStartedGraduate) => {
    const next = new Map(selected)
    if (next.has(g.id)) next.delete(g.id)
    else next.set(g.id, g)
    setSelected(next)
    setPickError('')
  }
  const allPicked = rows.length > 0 && rows.every((g) => selected.has(g.id))
  const toggleAll = () => {
    const next = new Map(selected)
    for (const g of rows) {
      if (allPicked) next.delete(g.id)
      else next.set(g.id, g)
    }
    setSelected(next)
    setPickError('')
  }

  const createLinks = async () => {
    const picked = [...selected.values()]
    if (!picked.length) return setPickError(c.pickSomeone)
    const links = await create.run(() => api.createReminders(picked.map((g) => g.id)))
    if (!links) return
    reminderBatch.set(links.map((l) => {
      const g = selected.get(l.memberId)
      return { ...l, name: g?.name ?? '', orgName: g?.orgName ?? '' }
    }))
    setSelected(new Map())
    nav.to(ROUTES.adminShare, { orgId: current?.id ?? '' })
  }

  /** The summary's "未发起 N 人" jumps down to the list (the work), past nothing else. */
  const jumpToList = () => {
    Taro.pageScrollTo({ selector: '#not-started', duration: 200 }).catch(() => undefined)
  }

  /** An admin of the org this drill-down started from (a counsellor there only watches). */
  const adminHere = !!stack[0] && isOrgAdmin(roles.filter((r) => r.orgId === stack[0]!.id))

  /** The report when the org is a school's: progress, reminders and the rest are a school's work. */
  const school = report && progressOfSchool(report) ? report : null

  const elapsed = useMemo(
    () => (report ? timeElapsed(report.year, report.deadlines.startedBy, new Date()) : 0),
    [report],
  )

  return (
    <View className="page campaign has-sticky-actions">
      <View className="page-title">{c.title}</View>
      {orgs.length > 1 ? (
        <View className="chips orgs">
          {orgs.map((o) => (
            <View key={o.id} className={`chip${stack[0]?.id === o.id ? ' chip-active' : ''}`} onClick={() => goTo([o])}>{o.name}</View>
          ))}
        </View>
      ) : null}
      {stack.length > 1 ? (
        <View className="picker-crumbs">
          <Text className="muted small">{stack.map((o) => o.name).join(' / ')}</Text>
          <Button className="btn btn-text" onClick={() => goTo(stack.slice(0, -1))}>‹ {c.up}</Button>
        </View>
      ) : null}
      <ErrorBanner error={load.error} />
      {load.busy && !report ? <View className="muted">{zh.common.loading}</View> : null}
      {report && !school ? <View className="notice not-school">{c.notSchool}</View> : null}
      {school ? <Summary report={school} elapsed={elapsed} onJump={jumpToList} /> : null}

      {school ? (
        <View className="not-started" id="not-started">
          <View className="section-title">{c.notStartedTitle(total)}</View>
          {school.children.length ? (
            <View className="chips branches">
              <View className={`chip${branchId === '' ? ' chip-active' : ''}`} onClick={() => filter('')}>{c.filterAll}</View>
              {school.children.map((ch) => (
                <View key={ch.orgId} className={`chip${branchId === ch.orgId ? ' chip-active' : ''}`} onClick={() => filter(ch.orgId)}>
                  {ch.orgName}
                </View>
              ))}
            </View>
          ) : null}
          {!load.busy && rows.length === 0 ? <View className="success">{c.allStarted}</View> : null}
          {rows.length ? (
            <Button className="btn btn-text select-all" onClick={toggleAll}>{allPicked ? c.selectNone : c.selectAll}</Button>
          ) : null}
          {rows.map((g) => (
            <GraduateRow key={g.id} graduate={g} picked={selected.has(g.id)} onToggle={() => toggle(g)}
              onCall={() => void phone.call(g.id)} onCopy={() => void phone.copy(g.id)}
              copied={phone.copied === g.id} note={phone.noteFor(g.id)} />
          ))}
          <LoadMore left={list.left} busy={list.more.busy} error={list.more.error} onMore={loadMore} />
          <View className="sticky-actions">
            <ErrorBanner error={pickError || create.error} />
            {selected.size ? <View className="muted">{c.selected(selected.size)}</View> : null}
            <Button className="btn btn-primary" disabled={create.busy} loading={create.busy} onClick={createLinks}>
              {c.createLinks(selected.size)}
            </Button>
          </View>
        </View>
      ) : null}

      {school && school.children.length ? (
        <View className="children">
          <View className="section-title">{c.children}</View>
          {school.children.map((ch) => (
            <View key={ch.orgId} className="list-item child-row" onClick={() => drill(ch)}>
              <View className="list-item-title">{ch.orgName} ›</View>
              <ProgressBar label={c.started} part={ch.target.started} whole={ch.target.graduates} rate={ch.startedTargetRate}
                tone={toneOf(ch.startedTargetRate, ch.daysLeft.startedBy, elapsed)} mark={elapsed} />
              <View className="list-item-sub">{c.notStarted} {ch.notStarted} · {c.completed} {ch.completed}</View>
            </View>
          ))}
        </View>
      ) : null}

      {school ? <Details report={school} onSpecialUnit={() => nav.to(ROUTES.adminSpecialUnit, { orgId: school.orgId, year: String(school.year) })} /> : null}

      {current && school ? (
        <>
          <Button className="btn" onClick={() => nav.to(ROUTES.adminReminders, { orgId: current.id })}>{c.tracking}</Button>
          <Button className="btn" onClick={() => nav.to(ROUTES.adminLedger, { orgId: current.id })}>{c.ledger}</Button>
          <Button className="btn" onClick={() => nav.to(ROUTES.adminDestinations, { orgId: current.id })}>{c.destinations}</Button>
        </>
      ) : null}
      {current && school && adminHere ? (
        <Button className="btn" onClick={() => nav.to(ROUTES.adminUnplaced, { orgId: current.id })}>{c.unplaced}</Button>
      ) : null}
      {/* The school's own progress and each college's: the same three, for the org on screen. */}
      {current && school && hasGraduationDuties(school) ? (
        <>
          <Button className="btn" onClick={() => nav.to(ROUTES.adminMarks, { orgId: current.id })}>{c.marks}</Button>
          <Button className="btn" onClick={() => nav.to(ROUTES.adminDeadlines, { orgId: current.id })}>{c.deadlines}</Button>
          <Button className="btn" onClick={() => nav.to(ROUTES.adminStatistics, { orgId: current.id })}>{c.statistics}</Button>
        </>
      ) : null}
      <Button className="btn btn-text" onClick={() => nav.relaunch(ROUTES.home)}>{zh.common.home}</Button>
    </View>
  )
}

function Summary({ report: r, elapsed, onJump }: { report: ProgressReport; elapsed: number; onJump: () => void }) {
  const c = zh.campaign
  const tone = toneOf(r.startedTargetRate, r.daysLeft.startedBy, elapsed)
  const deadlines: [string, string, number][] = [
    [c.deadlineStarted, r.deadlines.startedBy, r.daysLeft.startedBy],
    [c.deadlineReceived, r.deadlines.receivedBy, r.daysLeft.receivedBy],
    [c.deadlineFurther, r.deadlines.furtherStudyBy, r.daysLeft.furtherStudyBy],
  ]
  return (
    <View className="card summary">
      <View className="muted small">{c.year(r.year)} · {r.orgName}</View>
      <View className="card-title">{c.target}</View>
      <View className={`big-rate${tone === 'late' ? ' big-rate-late' : ''}`}>{c.percent(r.startedTargetRate)}</View>
      <View className="muted">{c.targetCount(r.target.started, r.target.graduates)}</View>
      <ProgressBar label={c.started} part={r.target.started} whole={r.target.graduates} rate={r.startedTargetRate}
        tone={tone} mark={elapsed} />
      <View className="muted small">▏{c.pace} {c.percent(elapsed)}</View>
      {deadlines.map(([label, day, left]) => (
        <View key={label} className={`deadline${left < 0 ? ' deadline-late' : ''}`}>
          <Text>{label} {day}</Text>
          <Text>{c.daysLeft(left)}</Text>
        </View>
      ))}
      {r.notStarted ? (
        <Button className="btn btn-primary jump-not-started" onClick={onJump}>{c.jumpNotStarted(r.notStarted)}</Button>
      ) : null}
    </View>
  )
}

/** The rest of the picture, below the work: completed and settled (started is the summary's bar), and the counts. */
function Details({ report: r, onSpecialUnit }: { report: ProgressReport; onSpecialUnit: () => void }) {
  const c = zh.campaign
  return (
    <View className="card details">
      <View className="section-title">{c.details}</View>
      <ProgressBar label={c.completed} part={r.completed} whole={r.graduates} rate={r.completedRate} tone="done" />
      <ProgressBar label={c.settled} part={r.settled} whole={r.graduates} rate={r.settledRate} tone="done" />
      <View className="stat-grid">
        <Stat n={r.graduates} label={c.graduates} />
        <Stat n={r.started} label={c.started} />
        <Stat n={r.notStarted} label={c.notStarted} />
        <Stat n={r.retained} label={c.retained} />
        {/* Who they are (and who still waits for the province) is a list of its own. */}
        <Stat n={r.specialUnit} label={c.specialUnit} more={c.specialUnitList} onMore={onSpecialUnit} />
      </View>
      {r.retained ? (
        <View className="muted small">
          {c.retainedDetail(r.retainedByReason.floating, r.retainedByReason.studyAbroad, r.retainedByReason.delayedGraduation)}
        </View>
      ) : null}
    </View>
  )
}

function Stat({ n, label, more, onMore }: { n: number; label: string; more?: string; onMore?: () => void }) {
  return (
    <View className={`stat${onMore ? ' stat-link' : ''}`} onClick={onMore}>
      <View className="stat-n">{n}</View>
      <View className="stat-l">{label}{more ? <Text className="stat-more">{more}</Text> : null}</View>
    </View>
  )
}

interface GraduateRowProps {
  graduate: NotStartedGraduate
  picked: boolean
  onToggle: () => void
  onCall: () => void
  onCopy: () => void
  copied: boolean
  /** Why the number could not be had (not this caller's to see, a failed request). */
  note: string
}

function GraduateRow({ graduate: g, picked, onToggle, onCall, onCopy, copied, note }: GraduateRowProps) {
  const c = zh.campaign
  const p = zh.memberPhone
  const r = g.lastReminder
  return (
    <View className={`list-item${picked ? ' list-item-selected' : ''}`} role="group" aria-label={g.name}>
      <View className="pick-row" role="checkbox" aria-checked={picked} aria-label={g.name} onClick={onToggle}>
        <View className={`check${picked ? ' check-on' : ''}`}>{picked ? '✓' : ''}</View>
        <View className="pick-main">
          <View className="list-item-title">{g.name} <Text className="muted small">{g.idNumberMasked}</Text></View>
          {/* Masked here whatever the list sent: a full number is only fetched for a call or a copy. */}
          <View className="list-item-sub">{g.orgName} · {maskMobile(g.phone)}</View>
          <View className="list-item-sub">{r ? c.lastReminder(formatTime(r.createdAt), !!r.openedAt) : c.neverReminded}</View>
          {g.dueBy ? <View className="list-item-sub">{c.dueBy(g.dueBy)}</View> : null}
        </View>
      </View>
      <View className="phone-actions">
        <Button className="btn btn-small" aria-label={p.callLabel(g.name)} onClick={onCall}>{p.call}</Button>
        <Button className="btn btn-small" aria-label={p.copyLabel(g.name)} onClick={onCopy}>{copied ? p.copied : p.copy}</Button>
        <Button className="btn btn-small" aria-label={zh.member.openLabel(g.name)} onClick={() => nav.to(ROUTES.adminMember, { id: g.id })}>{zh.member.open}</Button>
      </View>
      {note ? <View className="notice small phone-note">{note}</View> : null}
    </View>
  )
}
