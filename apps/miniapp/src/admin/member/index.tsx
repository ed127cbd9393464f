import { useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { MemberCard, TransferView } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Row } from '../../components/Row'
import { useAction } from '../../hooks/useAction'
import { useMemberPhone } from '../../hooks/useMemberPhone'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { STATUS_TEXT } from '../../transfer-view'
import '../admin.scss'

/**
 * 团员详情, for admins and counsellors over the member (domain §4: everyone can see a member's
 * transfer history): who they are (ID masked; the full phone only for those over their current
 * branch, as the API decides), and every transfer, newest first, each opening its detail.
 */
export default function MemberPage() {
  const { id = '' } = useParams()
  const [card, setCard] = useState<MemberCard | null>(null)
  const [transfers, setTransfers] = useState<TransferView[] | null>(null)
  const load = useAction()
  const phone = useMemberPhone()
  const z = zh.member

  useDidShow(() => {
    void load.run(async () => {
      const [c, list] = await Promise.all([api.member(id), api.memberTransfers(id)])
      setCard(c)
      setTransfers(list)
    })
  })

  return (
    <View className="page member">
      <ErrorBanner error={load.error} />
      {load.busy && !card ? <View className="muted">{zh.common.loading}</View> : null}
      {card ? (
        <View className="card">
          <View className="card-title">{card.name} <Text className="muted small">{card.idNumberMasked}</Text></View>
          <Row label={zh.home.myOrg} value={card.orgName} />
          {card.graduationYear ? <Row label={z.cohort} value={zh.home.graduate(card.graduationYear)} /> : null}
          <Row label={zh.mine.phone} value={card.phone} />
          {card.phoneMasked ? <View className="muted small">{zh.memberPhone.notVisible}</View> : (
            <View className="phone-actions">
              <Button className="btn btn-small" aria-label={zh.memberPhone.callLabel(card.name)} onClick={() => void phone.call(card.id)}>{zh.memberPhone.call}</Button>
              <Button className="btn btn-small" aria-label={zh.memberPhone.copyLabel(card.name)} onClick={() => void phone.copy(card.id)}>
                {phone.copied === card.id ? zh.memberPhone.copied : zh.memberPhone.copy}
              </Button>
            </View>
          )}
          {phone.noteFor(card.id) ? <View className="notice small">{phone.noteFor(card.id)}</View> : null}
        </View>
      ) : null}
      {transfers ? (
        <View className="member-transfers">
          <View className="section-title">{z.transfers(transfers.length)}</View>
          {transfers.length === 0 ? <View className="muted">{z.none}</View> : null}
          {transfers.map((t) => (
            <View key={t.id} className="list-item member-transfer" onClick={() => nav.to(ROUTES.adminDetail, { id: t.id })}>
              <View className="list-item-title">{STATUS_TEXT(t.status)} <Text className="muted small">{t.targetOrgName ?? z.noTarget}</Text></View>
              <View className="list-item-sub">{z.started(formatTime(t.createdAt), t.startedBy.name)}</View>
              {t.closedAt ? <View className="list-item-sub">{z.closed(formatTime(t.closedAt))}</View> : null}
            </View>
          ))}
        </View>
      ) : null}
      <Button className="btn btn-text" onClick={() => nav.back(ROUTES.adminCampaign)}>{zh.admin.back}</Button>
    </View>
  )
}
