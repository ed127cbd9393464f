import { View, Button } from '@tarojs/components'
import type { TransferView } from '@xianjie/contract'
import { useOpenTransfer } from '../hooks/useOpenTransfer'
import { formatTime, zh } from '../i18n/zh'
import { nav, ROUTES } from '../nav'
import { withParent } from '../org-label'
import { STATUS_TEXT } from '../transfer-view'
import { Row } from './Row'

/**
 * In place of the questionnaire or the form while the graduate's own application is under way:
 * where it stands and the way to it, rather than a whole walk that ends in 已有业务正在办理.
 */
export function OpenTransferCard({ transfer: t }: { transfer: TransferView }) {
  const z = zh.openTransfer
  return (
    <View className="page open-transfer">
      <View className="card">
        <View className="card-title">{z.title}</View>
        <Row label={z.status} value={STATUS_TEXT(t.status)} />
        {t.targetOrgName ? (
          <Row label={z.receiver} value={withParent(t.targetOrgName, t.targetOrgParentName)} block />
        ) : null}
        <Row label={z.submittedAt} value={formatTime(t.createdAt)} />
        <View className="muted small">{z.body}</View>
        {/* Replaced, not pushed: back from 我的接转 should not land here again. */}
        <Button className="btn btn-primary" onClick={() => nav.replace(ROUTES.transfer)}>{z.view}</Button>
      </View>
      <Button className="btn btn-text" onClick={() => nav.relaunch(ROUTES.home)}>{zh.common.home}</Button>
    </View>
  )
}

/**
 * For the pages of a new application (questionnaire → resolution → receiver → form): the card
 * above in their place while one is open, else null. `resolved`: whether the page's draft reads;
 * an emptied one (back after a submit) would claim 还缺少一个回答 while the answer is on its way.
 */
export function useOpenTransferGate(editing: string | undefined, resolved: boolean): JSX.Element | null {
  const open = useOpenTransfer(editing)
  if (open) return <OpenTransferCard transfer={open} />
  if (open === undefined && !resolved) return <View className="page muted">{zh.common.loading}</View>
  return null
}
