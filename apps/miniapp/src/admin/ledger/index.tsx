import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import type { OrgRef, RetentionLedgerRow, RetentionState } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LoadMore } from '../../components/LoadMore'
import { useAction } from '../../hooks/useAction'
import { usePages } from '../../hooks/usePages'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { isOrgAdmin } from '../../roles'
import { reminderBatch } from '../reminder-batch'
import { openedOrg, useSchoolOpenedOrg } from '../watched-org'
import { NotSchoolPage } from '../NotSchoolPage'
import { AbroadInterval } from './AbroadInterval'
import '../admin.scss'

const PAGE_SIZE = 50
const FILTERS: (RetentionState | '')[] = ['', 'overdue', 'follow-up', 'active', 'closed']
const day = (iso: string | null) => (iso ? formatTime(iso).slice(0, 10) : null)

/**
 * 保留台账: graduates kept at school (floating, study abroad, delayed graduation) — who, why,
 * since, until, what is due, overdue first — and reminder links for the ones to move on.
 */
export default function LedgerPage() {
  const [state, setState] = useState<RetentionState | ''>('')
  const list = usePages<RetentionLedgerRow>((r) => r.id)
  const { rows, total } = list
  const [selected, setSelected] = useState<Map<string, RetentionLedgerRow>>(new Map())
  const [pickError, setPickError] = useState('')
  const [admin, setAdmin] = useState(false)
  const load = useAction()
  const create = useAction()
  const l = zh.ledger

  const loadRows = useCallback(async (target: OrgRef, filter: RetentionState | '') => {
    await load.run(async () => {
      const page = await api.retention(target.id, { state: filter || undefined, limit: PAGE_SIZE })
      list.reset(page)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const org = useSchoolOpenedOrg(load, (target) => loadRows(target, state), (me, orgId) => {
    setAdmin(isOrgAdmin(me.roles))
    return openedOrg(me, orgId)
  })

  const filter = (next: RetentionState | '') => {
    setState(next)
    setSelected(new Map())
    if (org) void loadRows(org, next)
  }
  const loadMore = () => {
    if (org) void list.loadMore((offset) => api.retention(org.id, { state: state || undefined, limit: PAGE_SIZE, offset }))
  }
  const toggle = (r: RetentionLedgerRow) => {
    const next = new Map(selected)
    if (next.has(r.memberId)) next.delete(r.memberId)
    else next.set(r.memberId, r)
    setSelected(next)
    setPickError('')
  }
  const createLinks = async () => {
    const picked = [...selected.values()]
    if (!picked.length) return setPickError(zh.campaign.pickSomeone)
    const links = await create.run(() => api.createReminders(picked.map((r) => r.memberId)))
    if (!links) return
    reminderBatch.set(links.map((link) => {
      const r = selected.get(link.memberId)
      return { ...link, name: r?.name ?? '', orgName: r?.graduatingOrgName ?? '' }
    }))
    setSelected(new Map())
    nav.to(ROUTES.adminShare, { orgId: org?.id ?? '' })
  }

  if (org && !org.school) return <NotSchoolPage className="ledger" title={l.title} org={org} />
  return (
    <View className="page ledger has-sticky-actions">
      <View className="page-title">{l.title}</View>
      {org ? <View className="muted small">{org.name} · {l.count(total)}</View> : null}
      <View className="muted small">{l.intro}</View>
      <View className="chips states">
        {FILTERS.map((f) => (
          <View key={f || 'open'} className={`chip${state === f ? ' chip-active' : ''}`} onClick={() => filter(f)}>
            {f ? l.states[f] : l.filterOpen}
          </View>
        ))}
      </View>
      <ErrorBanner error={load.error} />
      {load.busy && !rows.length ? <View className="muted">{zh.common.loading}</View> : null}
      {!load.busy && org && rows.length === 0 ? <View className="muted">{l.empty}</View> : null}
      {rows.map((r) => {
        const picked = selected.has(r.memberId)
        return (
          <View key={r.id} className={`list-item pick-row${picked ? ' list-item-selected' : ''}`} role="checkbox"
            aria-checked={picked} aria-label={r.name} onClick={() => toggle(r)}>
            <View className={`check${picked ? ' check-on' : ''}`}>{picked ? '✓' : ''}</View>
            <View className="pick-main">
              <View className="list-item-title">
                {r.name} <Text className={`tag${r.state === 'active' || r.state === 'closed' ? ' tag-gray' : r.state === 'follow-up' ? ' tag-warn' : ''}`}>{l.states[r.state]}</Text>
              </View>
              <View className="list-item-sub">{l.kinds[r.kind]} · {r.branchName}</View>
              <View className="list-item-sub">{l.graduatedFrom(r.graduatingOrgName)} · {r.phone}</View>
              <View className="list-item-sub">{l.since(day(r.since) ?? '')} · {l.until(day(r.until))}</View>
              {r.state !== 'closed' && r.dueAt ? (
                <View className={`list-item-sub${r.state === 'overdue' ? ' deadline-late' : ''}`}>{l.due(r.state, day(r.dueAt))}</View>
              ) : null}
              {r.abroadReport ? (
                <View className={`list-item-sub${r.abroadReport.overdue ? ' deadline-late' : ''}`} data-testid="abroad-report">
                  {l.abroadReport(day(r.abroadReport.lastReportAt), day(r.abroadReport.dueAt) ?? '', r.abroadReport.overdue)}
                </View>
              ) : null}
              {r.abroadReport?.lastNote ? <View className="list-item-sub abroad-note">{l.lastNote(r.abroadReport.lastNote)}</View> : null}
            </View>
          </View>
        )
      })}
      <LoadMore left={list.left} busy={list.more.busy} error={list.more.error} onMore={loadMore} />
      {rows.length ? (
        <View className="sticky-actions">
          <ErrorBanner error={pickError || create.error} />
          {selected.size ? <View className="muted">{zh.campaign.selected(selected.size)}</View> : null}
          <Button className="btn btn-primary" disabled={create.busy} loading={create.busy} onClick={createLinks}>
            {zh.campaign.createLinks(selected.size)}
          </Button>
        </View>
      ) : null}
      {org ? <AbroadInterval orgId={org.id} canSet={admin} /> : null}
      <Button className="btn btn-text" onClick={() => nav.back(ROUTES.adminCampaign)}>{zh.campaign.up}</Button>
    </View>
  )
}
