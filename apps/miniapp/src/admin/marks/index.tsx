import { useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { MARK_BRANCHES_MAX, NO_GRADUATION_REASON, type BranchMarkView, type MarkBranchesBody, type OrgRef } from '@xianjie/contract'
import { DAY_TEXT_MAX, dayFromText, graduationMarkProblem, markTakesDate, ORG_PURPOSE_LABELS } from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { isOrgAdmin } from '../../roles'
import { openedOrg, useSchoolOpenedOrg } from '../watched-org'
import { NotSchoolPage } from '../NotSchoolPage'
import '../admin.scss'

type Filter = 'unmarked' | 'marked' | 'all'
type Mode = 'date' | 'reason'
const FILTERS: Filter[] = ['unmarked', 'marked', 'all']
const MODES: Mode[] = ['date', 'reason']

/**
 * 标记团支部毕业时间 (domain §2): the branches under a school committee, college or general
 * branch, unmarked first. Tick a batch, give it one expected graduation date — or one reason it
 * has none (a staff branch) — and confirm: a mark cannot be undone. A graduated branch whose
 * members have all left can be deleted here too. Counsellors see the list; marking is the admins'.
 */
export default function MarksPage() {
  const [admin, setAdmin] = useState(false)
  const [branches, setBranches] = useState<BranchMarkView[] | null>(null)
  const [filter, setFilter] = useState<Filter>('unmarked')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [mode, setMode] = useState<Mode>('date')
  const [date, setDate] = useState('')
  const [reason, setReason] = useState('')
  const [formError, setFormError] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [doneText, setDoneText] = useState('')
  const [deleting, setDeleting] = useState<BranchMarkView | null>(null)
  const load = useAction()
  const marking = useAction()
  const removing = useAction()
  const z = zh.marks

  const reload = async (target: OrgRef) => setBranches(await api.graduationMarks(target.id))

  const org = useSchoolOpenedOrg(load, (target) => load.run(() => reload(target)), (me, orgId) => {
    setAdmin(isOrgAdmin(me.roles))
    return openedOrg(me, orgId)
  })

  const all = branches ?? []
  const inFilter = (f: Filter) => (b: BranchMarkView) => (f === 'all' ? true : f === 'marked' ? !!b.mark : !b.mark)
  const shown = all.filter(inFilter(filter))
  const count = (f: Filter) => all.filter(inFilter(f)).length
  const unmarkedShown = shown.filter((b) => !b.mark)
  // With a date, the branches that keep members at school are left out of 全选: they take a reason.
  const pickable = mode === 'date' ? unmarkedShown.filter((b) => markTakesDate(b.purpose)) : unmarkedShown
  const allPicked = pickable.length > 0 && pickable.every((b) => selected.has(b.id))
  const canMark = admin && count('unmarked') > 0
  // Typed as people write dates (2027/6/30, 2027年6月30日): sent and shown as YYYY-MM-DD.
  const day = dayFromText(date)
  const what = mode === 'date' ? z.graduates(day ?? date.trim()) : z.noGraduation(reason.trim())
  // A mark cannot be undone: say so when it overrides the year a branch's roster was imported with.
  const otherYear = mode === 'date' && day
    ? all.filter((b) => selected.has(b.id) && !b.mark && b.graduationYear !== null && b.graduationYear !== Number(day.slice(0, 4)))
    : []

  const toggle = (b: BranchMarkView) => {
    if (b.mark || !admin) return
    const next = new Set(selected)
    if (next.has(b.id)) next.delete(b.id)
    else next.add(b.id)
    setSelected(next)
    setFormError('')
    setConfirming(false)
  }
  const pickAll = () => {
    setSelected(allPicked ? new Set() : new Set(pickable.map((b) => b.id)))
    setConfirming(false)
  }
  /** Checked on the phone first; the API checks again (and who may mark). */
  const ask = () => {
    setDoneText('')
    if (!selected.size) return setFormError(z.pickSome)
    if (selected.size > MARK_BRANCHES_MAX) return setFormError(z.tooMany(MARK_BRANCHES_MAX))
    if (mode === 'date' && !day) return setFormError(z.badDate)
    const keeping = mode === 'date' ? all.filter((b) => selected.has(b.id) && !markTakesDate(b.purpose)) : []
    if (keeping.length) return setFormError(z.keepingNoDate(keeping.map((b) => `“${b.name}”`).join('、')))
    // The API's own range (libs/rules): a mark cannot be undone, so a mistyped year stops here.
    const outOfRange = mode === 'date' && day ? graduationMarkProblem(day, new Date()) : null
    if (outOfRange) return setFormError(outOfRange)
    if (mode === 'reason' && [...reason.trim()].length < NO_GRADUATION_REASON.min) return setFormError(z.reasonTooShort(NO_GRADUATION_REASON.min))
    setFormError('')
    setConfirming(true)
  }
  const submit = async () => {
    if (!org) return
    const body: MarkBranchesBody = mode === 'date'
      ? { branchIds: [...selected], graduationDate: day ?? date.trim() }
      : { branchIds: [...selected], noGraduationReason: reason.trim() }
    const result = await marking.run(async () => {
      const r = await api.markBranches(org.id, body)
      await reload(org)
      return r
    })
    setConfirming(false)
    if (!result) return
    setDoneText(z.done(result.marked, what))
    setSelected(new Set())
  }
  const remove = async (b: BranchMarkView) => {
    const ok = await removing.run(async () => {
      await api.deleteBranch(b.id)
      return true
    })
    setDeleting(null)
    if (!ok) return
    setBranches((list) => (list ?? []).filter((x) => x.id !== b.id))
    setDoneText(z.deleted(b.name))
  }

  if (org && !org.school) return <NotSchoolPage className="marks" title={z.title} org={org} />
  return (
    <View className="page marks has-sticky-actions">
      <View className="page-title">{z.title}</View>
      {org ? <View className="muted small">{org.name}</View> : null}
      <View className="muted small">{z.intro}</View>
      <View className="chips chips-row">
        {FILTERS.map((f) => (
          <View key={f} className={`chip${filter === f ? ' chip-active' : ''}`} onClick={() => setFilter(f)}>
            {z.filters[f]} {branches ? count(f) : ''}
          </View>
        ))}
      </View>
      <ErrorBanner error={load.error} />
      {canMark ? (
        <View className="card marks-form">
          <View className="chips chips-row">
            {MODES.map((m) => (
              <View key={m} className={`chip${mode === m ? ' chip-active' : ''}`} onClick={() => { setMode(m); setFormError(''); setConfirming(false) }}>{z.modes[m]}</View>
            ))}
          </View>
          {mode === 'date' ? (
            <Field label={z.date} name="graduationDate" value={date} maxLength={DAY_TEXT_MAX} hint={z.dateHint}
              onChange={(v) => { setDate(v); setFormError(''); setConfirming(false) }} />
          ) : (
            <Field label={z.reason} name="noGraduationReason" value={reason} maxLength={NO_GRADUATION_REASON.max} hint={z.reasonHint}
              onChange={(v) => { setReason(v); setFormError(''); setConfirming(false) }} />
          )}
        </View>
      ) : null}
      {doneText ? <View className="success">{doneText}</View> : null}
      <ErrorBanner error={removing.error} />
      {load.busy && !branches ? <View className="muted">{zh.common.loading}</View> : null}
      {branches && shown.length === 0 ? <View className="muted">{z.empty}</View> : null}
      {admin && unmarkedShown.length ? <Button className="btn btn-text" onClick={pickAll}>{allPicked ? z.selectNone : z.selectAll}</Button> : null}
      {shown.map((b) => {
        const picked = selected.has(b.id)
        const pickable = admin && !b.mark
        return (
          <View key={b.id} className={`list-item pick-row${picked ? ' list-item-selected' : ''}`} role={pickable ? 'checkbox' : undefined}
            aria-checked={pickable ? picked : undefined} aria-label={b.name} onClick={() => toggle(b)}>
            {pickable ? <View className={`check${picked ? ' check-on' : ''}`}>{picked ? '✓' : ''}</View> : null}
            <View className="pick-main">
              <View className="list-item-title">
                <Text>{b.name}</Text>{b.mark ? null : <Text className="tag tag-warn">{z.unmarked}</Text>}
              </View>
              <View className="list-item-sub">{[b.purpose ? ORG_PURPOSE_LABELS[b.purpose] : null, z.members(b.members)].filter(Boolean).join(' · ')}</View>
              {b.mark ? (
                <View className="list-item-sub">
                  {b.mark.graduationDate ? z.graduates(b.mark.graduationDate) : z.noGraduation(b.mark.noGraduationReason ?? '')} · {z.markedAt(formatTime(b.mark.markedAt))}
                </View>
              ) : b.graduationYear ? (
                <View className="list-item-sub">{z.importedYear(b.graduationYear)}</View>
              ) : null}
              {/* Graduated, everyone gone, nothing on its way in: the API says so (domain §2). Its own taps never pick the row. */}
              {admin && b.deletable ? (
                deleting?.id === b.id ? (
                  <View className="notice" onClick={(e) => e.stopPropagation()}>
                    <View>{z.deleteConfirm(b.name)}</View>
                    <View className="btn-row">
                      <Button className="btn" onClick={() => setDeleting(null)}>{zh.common.cancel}</Button>
                      <Button className="btn btn-primary" disabled={removing.busy} loading={removing.busy} onClick={() => void remove(b)}>{z.deleteYes}</Button>
                    </View>
                  </View>
                ) : (
                  <Button className="btn btn-small" onClick={(e) => { e.stopPropagation(); setDeleting(b) }}>{z.delete}</Button>
                )
              ) : null}
            </View>
          </View>
        )
      })}
      {canMark ? (
        <View className="sticky-actions">
          {selected.size ? <View className="muted">{z.selected(selected.size)}</View> : null}
          <ErrorBanner error={formError || marking.error} keepsInput />
          {confirming ? (
            <View className="notice">
              <View>{z.confirm(selected.size, what)}</View>
              {otherYear.length ? (
                <View className="notice-alert" role="alert">
                  {z.otherYear(otherYear.map((b) => `${b.name}（${b.graduationYear}届）`), Number(day!.slice(0, 4)))}
                </View>
              ) : null}
              <View className="btn-row">
                <Button className="btn" onClick={() => setConfirming(false)}>{zh.common.cancel}</Button>
                <Button className="btn btn-primary" disabled={marking.busy} loading={marking.busy} onClick={submit}>{z.confirmYes}</Button>
              </View>
            </View>
          ) : (
            <Button className="btn btn-primary" onClick={ask}>{z.mark(selected.size)}</Button>
          )}
        </View>
      ) : null}
      <Button className="btn btn-text" onClick={() => nav.back(ROUTES.adminCampaign)}>{zh.campaign.up}</Button>
    </View>
  )
}
