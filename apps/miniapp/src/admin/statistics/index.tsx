import { useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { StatisticsFigures, StatisticsTable } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import '../admin.scss'

const FIGURES: (keyof StatisticsFigures)[] = ['graduatingClasses', 'graduatingBranches', 'graduates', 'graduatingMembers']
const figuresOf = (t: StatisticsFigures): StatisticsFigures => Object.fromEntries(FIGURES.map((f) => [f, t[f]])) as unknown as StatisticsFigures

/** 年度统计表: the yearly table per college with its total, exported as .xlsx and filed upward. */
export default function StatisticsPage() {
  const params = useParams()
  const [table, setTable] = useState<StatisticsTable | null>(null)
  const [exported, setExported] = useState(false)
  /** The org's school, from the dates in force ('' when they could not be read: filing is offered, the API decides). */
  const [schoolId, setSchoolId] = useState('')
  const load = useAction()
  const exporting = useAction()
  const filing = useAction()
  const s = zh.statistics
  const labels: Record<keyof StatisticsFigures, string> = {
    graduatingClasses: s.classes, graduatingBranches: s.branches, graduates: s.graduates, graduatingMembers: s.members,
  }

  useDidShow(() => {
    void load.run(async () => {
      let id: string | undefined = table?.orgId ?? params.orgId
      if (!id) id = (await api.me()).roles.find((r) => r.role === 'org-admin')?.orgId
      if (!id) return
      const [next, dates] = await Promise.all([api.statistics(id, params.year ? Number(params.year) : undefined), api.campaign(id).catch(() => null)])
      setTable(next)
      // The dates in force name the org's school; only the school files the table upward (a college's is part of it).
      setSchoolId(dates?.orgId ?? '')
    })
  })

  const exportXlsx = async () => {
    if (!table) return
    setExported(false)
    const done = await exporting.run(async () => {
      await api.exportStatistics(table.orgId, table.year)
      return true
    })
    if (done) setExported(true)
  }
  const file = async () => {
    if (!table) return
    const next = await filing.run(() => api.fileStatistics(table.orgId, table.year))
    if (next) setTable(next)
  }

  const notSchool = !!table && !!schoolId && schoolId !== table.orgId
  return (
    <View className="page statistics">
      <View className="page-title">{s.title}</View>
      <ErrorBanner error={load.error} />
      {load.busy && !table ? <View className="muted">{zh.common.loading}</View> : null}
      {table ? (
        <>
          <View className="muted small">{table.orgName} · {s.year(table.year)} · {table.filedAt ? s.filed(formatTime(table.filedAt)) : s.notFiled}</View>
          {table.graduates === 0 && table.graduatingBranches === 0 ? <View className="muted">{s.empty}</View> : null}
          <View className="card stat-table">
            {[...table.rows, { ...figuresOf(table), orgId: '', orgName: s.total }].map((r) => (
              <View key={r.orgId || 'total'} className="list-item">
                <View className="list-item-title">{r.orgName}</View>
                <View className="list-item-sub">
                  {FIGURES.map((f) => <Text key={f}>{labels[f]} {r[f]}　</Text>)}
                </View>
              </View>
            ))}
          </View>
          <ErrorBanner error={exporting.error || filing.error} />
          {exported ? <View className="success">{s.exported}</View> : null}
          <Button className="btn btn-primary" disabled={exporting.busy} loading={exporting.busy} onClick={exportXlsx}>{s.export}</Button>
          {notSchool ? <View className="muted small">{s.filedBySchool}</View> : (
            <Button className="btn" disabled={filing.busy} loading={filing.busy} onClick={file}>{s.file}</Button>
          )}
        </>
      ) : null}
      <Button className="btn btn-text" onClick={() => nav.back(ROUTES.adminCampaign)}>{zh.campaign.up}</Button>
    </View>
  )
}
