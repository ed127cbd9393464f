import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TransferView } from '@xianjie/contract'
import { zh } from '../i18n/zh'

/** Why a transfer was rejected and whom to call about it: the rejecting org and its admin. */
export function RejectionCard({ transfer: t }: { transfer: TransferView }) {
  const z = zh.transfer
  const by = t.rejectedBy
  return (
    <View className="rejection">
      <View className="section-title">{z.rejected}</View>
      <View className="error-banner">{t.rejectionReason || zh.common.empty}</View>
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
