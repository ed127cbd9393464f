import { View, Text } from '@tarojs/components'
import type { TransferView } from '@xianjie/contract'
import { formatTime, zh } from '../i18n/zh'
import { STATUS_TEXT } from '../transfer-view'
import { Row } from './Row'

/** The head of a transfer card: status, receiver, who started it, when. */
export function TransferSummary({ transfer: t }: { transfer: TransferView }) {
  const z = zh.transfer
  return (
    <View className="transfer-summary">
      <View className="transfer-status">
        <Text className={`status status-${t.status}`}>{STATUS_TEXT(t.status)}</Text>
        {t.crossSystem ? <Text className="tag">{z.crossSystem}</Text> : null}
      </View>
      <Row label={z.receiver} value={t.targetOrgName ?? zh.resolution.targets[t.target] ?? t.target} />
      <Row label={z.startedBy} value={t.startedBy?.name} />
      <Row label={z.createdAt} value={formatTime(t.createdAt)} />
      {t.stageDeadline ? <Row label={z.deadline} value={formatTime(t.stageDeadline)} /> : null}
    </View>
  )
}
