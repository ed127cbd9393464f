import { useEffect, useState } from 'react'
import { View, Button } from '@tarojs/components'
import type { OrgView, RequestView } from '@xianjie/contract'
import { TOWNSHIP_CORRECTION_CASE_LABELS } from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { OrgPicker } from '../../components/OrgPicker'
import { Row } from '../../components/Row'
import { useAction } from '../../hooks/useAction'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { ReportForm } from './ReportForm'
import '../admin.scss'

/**
 * 乡镇街道团委标识更正: an admin picks an org of their own subtree, says which of the three cases
 * its flag is in and why; the report goes to the org's superior, who decides or passes it up.
 */
export default function TownshipReportPage() {
  const [own, setOwn] = useState<OrgView[] | null>(null)
  const [root, setRoot] = useState<OrgView | null>(null)
  const [org, setOrg] = useState<OrgView | null>(null)
  const [sent, setSent] = useState<RequestView | null>(null)
  const load = useAction()
  const z = zh.townshipReport

  useEffect(() => {
    void load.run(async () => {
      const ids = [...new Set((await api.me()).roles.filter((r) => r.role === 'org-admin').map((r) => r.orgId))]
      const orgs = await Promise.all(ids.map((id) => api.org(id)))
      setOwn(orgs)
      setRoot(orgs[0] ?? null)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (sent) {
    return (
      <View className="page township-report">
        <View className="success">{z.sent(sent.deciderOrgName)}</View>
        <View className="card">
          <Row label={z.fullName} value={sent.subjectFullName ?? sent.subjectName} block />
          {sent.case ? <Row label={zh.requests.case} value={TOWNSHIP_CORRECTION_CASE_LABELS[sent.case]} /> : null}
          <Row label={zh.requests.reason} value={sent.reason} />
        </View>
        <View className="muted small">{z.sentHint}</View>
        <Button className="btn btn-primary" onClick={() => nav.replace(ROUTES.adminRequests, { box: 'sent' })}>{z.toSent}</Button>
        <Button className="btn" onClick={() => { setSent(null); setOrg(null) }}>{z.again}</Button>
      </View>
    )
  }

  // Only an org with a superior can be reported: the report goes to that superior.
  const fits = (o: OrgView) => (o.parentId ? { ok: true as const } : { ok: false as const, reason: z.noSuperior })
  return (
    <View className="page township-report">
      <View className="page-title">{z.title}</View>
      <View className="muted small intro">{z.intro}</View>
      <ErrorBanner error={load.error} />
      {own && !own.length ? <View className="notice">{z.notAdmin}</View> : null}
      {org ? (
        <ReportForm org={org} onSent={setSent} onAnother={() => setOrg(null)} />
      ) : null}
      {!org && root ? (
        <View>
          <View className="section-title">{z.org}</View>
          {own && own.length > 1 ? (
            <View className="chips">
              {own.map((o) => (
                <View key={o.id} className={`chip${o.id === root.id ? ' chip-active' : ''}`} onClick={() => setRoot(o)}>{o.name}</View>
              ))}
            </View>
          ) : null}
          {root.parentId ? <Button className="btn btn-primary pick-own" onClick={() => setOrg(root)}>{z.pickOwn(root.name)}</Button> : null}
          <OrgPicker key={root.id} root={{ id: root.id, name: root.name }} fits={fits} onPick={setOrg} />
        </View>
      ) : null}
    </View>
  )
}
