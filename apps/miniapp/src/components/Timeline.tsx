import { View, Text } from '@tarojs/components'
import type { TransferView } from '@xianjie/contract'
import type { OfflineReader } from '@xianjie/rules'
import { formatTime, zh } from '../i18n/zh'
import { OfflineDuties } from './OfflineDuties'
import { actionText, offlineDutiesOf, stepsOf } from '../transfer-view'

interface Props {
  transfer: TransferView
  /** An admin's page speaks about the member; the graduate's own speaks to them. */
  reader?: OfflineReader
  /** The page states the rejection reason above: the 驳回 event need not repeat it. */
  reasonShown?: boolean
}

/** The steps of one transfer (from the lifecycle) and every event: who acted, when. */
export function Timeline({ transfer, reader = 'member', reasonShown }: Props) {
  const steps = stepsOf(transfer)
  const events = transfer.events ?? []
  const offline = offlineDutiesOf(transfer, reader)
  return (
    <View className="timeline">
      <View className="steps">
        {steps.map((s, i) => (
          <View key={`${s.status}-${i}`} className={`step step-${s.state}`} data-state={s.state}>
            <View className="step-dot">{s.state === 'done' ? '✓' : s.state === 'rejected' ? '✕' : i + 1}</View>
            <Text className="step-label">{s.label}</Text>
            {s.state === 'rejected' ? <Text className="tag step-tag">{zh.transfer.rejectedHere}</Text> : null}
          </View>
        ))}
      </View>
      {events.length ? (
        <View className="events">
          <View className="section-title">{zh.transfer.events}</View>
          {events.map((e, i) => (
            <View key={`${e.at}-${i}`} className="event">
              <View className="event-head">
                <Text className="event-action">{actionText(e.action)}</Text>
                <Text className="event-time">{formatTime(e.at)}</Text>
              </View>
              <View className="event-actor">
                {e.actorId === 'system' ? zh.transfer.system : e.actorName || e.actorId}
              </View>
              {e.comment && !(reasonShown && e.toStatus === 'rejected' && e.comment === transfer.rejectionReason) ? (
                <View className="event-comment">{e.comment}</View>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      <OfflineDuties lines={offline} />
    </View>
  )
}
