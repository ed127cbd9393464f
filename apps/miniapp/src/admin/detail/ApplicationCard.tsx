import { View } from '@tarojs/components'
import type { TransferView } from '@xianjie/contract'
import { Row } from '../../components/Row'
import { formatTime, zh } from '../../i18n/zh'
import { ORG_SEPARATOR } from '../../org-label'

/** The application as submitted (接转申请, domain §4). */
export function ApplicationCard({ transfer: t }: { transfer: TransferView }) {
  const app = t.application
  const z = zh.admin
  if (!app) return null
  return (
    <View className="card">
      <View className="card-title">{z.application}</View>
      <Row label={zh.apply.name} value={app.name} />
      <Row label={zh.apply.idNumber} value={app.idNumberMasked} />
      <Row label={zh.apply.phone} value={app.phone} />
      <Row label={z.emergency} value={app.emergencyContact ? `${app.emergencyContact.name} ${app.emergencyContact.phone}` : ''} />
      {/* From its school down: a receiver cannot tell "计算机2201班团支部" of which school otherwise. */}
      <Row label={z.outgoingBranch} value={app.outgoingOrgPath?.length ? app.outgoingOrgPath.join(ORG_SEPARATOR) : app.outgoingBranch?.name} />
      <Row label={z.outgoingAdmin} value={app.outgoingAdmin ? `${app.outgoingAdmin.name} ${app.outgoingAdmin.phone}` : ''} />
      <Row label={z.superiorPhone} value={app.superiorPhone} />
      {app.separateSystemProvince ? <Row label={z.separateProvince} value={app.separateSystemProvince} /> : null}
      <Row label={z.reason} value={app.reason} />
      <Row label={z.receiver} value={app.receiver ?? t.targetOrgName} />
      <Row label={z.submittedAt} value={formatTime(app.submittedAt)} />
      <Row label={z.remarks} value={app.remarks || zh.common.empty} />
      {app.reportedHome !== undefined ? (
        // A transfer to a township: it decides by where the member is registered or lives.
        <>
          <View className="section-title">{z.reportedHome}</View>
          {app.reportedHome ? (
            <>
              <Row label={z.householdRegistration} value={app.reportedHome.householdRegistration || zh.common.empty} />
              <Row label={z.residence} value={app.reportedHome.residence || zh.common.empty} />
            </>
          ) : (
            <View className="hint">{z.reportedHomeMissing}</View>
          )}
        </>
      ) : null}
      {app.retention ? (
        // Study abroad: the written application the college approves is the point of this step.
        <>
          <View className="section-title">{zh.apply.retention}</View>
          <Row label={zh.apply.retentionWhere} value={app.retention.where} />
          <Row label={z.retentionMonths} value={z.months(app.retention.months)} />
          <Row label={zh.apply.retentionContact} value={app.retention.domesticContact} />
        </>
      ) : null}
    </View>
  )
}
