import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TransferView } from '@xianjie/contract'
import { zh } from '../i18n/zh'

interface Props {
  transfer: TransferView
  /** 修改后重新提交: right under the reason, where the graduate has just read what to change. */
  onRedo?: () => void
}

/** Why a transfer was rejected, the way on, and whom to call about it: the rejecting org and its admin. */
export function RejectionCard({ transfer: t, onRedo }: Props) {
  const z = zh.transfer
  const by = t.rejectedBy
  return (
    <View className="rejection">
      <View className="section-title">{z.rejected}</View>
      <View className="error-banner rejection-reason">{t.rejectionReason || zh.common.empty}</View>
      {onRedo ? <Button className="btn btn-primary rejection-redo" onClick={onRedo}>{z.redo}</Button> : null}
      {by ? (
        <View className="rejection-contact">
          <View className="muted small">{z.rejectedBy}</View>
          <View>
            <Text>{by.orgName ? `${by.orgName} · ` : ''}{by.adminName}</Text>
          </View>
          <View className="btn-row">
            <Text className="rejection-phone">{by.adminPhone}</Text>
            <Button className="btn btn-small" onClick={() => void Taro.makePhoneCall({ phoneNumber: by.adminPhone })}>
              {z.call}
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}
