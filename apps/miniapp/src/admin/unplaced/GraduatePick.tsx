import { View, Text, Button } from '@tarojs/components'
import type { NotStartedGraduate } from '@xianjie/contract'
import { zh } from '../../i18n/zh'

interface Props {
  graduate: NotStartedGraduate
  /** Null: shown, not pickable (a branch secretary looks on). */
  picked: boolean | null
  onToggle: () => void
  /** For someone who reported nothing: call or open them before ticking (null: no actions). */
  verify: { onCall: () => void; onOpen: () => void; note: string } | null
}

/** One not-started graduate: name, masked ID, where their membership is now. */
export function GraduatePick({ graduate: g, picked, onToggle, verify }: Props) {
  const pickable = picked !== null
  return (
    <View className={`list-item${picked ? ' list-item-selected' : ''}`} role="group" aria-label={g.name}>
      <View className="pick-row" role={pickable ? 'checkbox' : undefined} aria-checked={pickable ? picked : undefined}
        aria-label={pickable ? g.name : undefined} onClick={pickable ? onToggle : undefined}>
        {pickable ? <View className={`check${picked ? ' check-on' : ''}`}>{picked ? '✓' : ''}</View> : null}
        <View className="pick-main">
          <View className="list-item-title">{g.name} <Text className="muted small">{g.idNumberMasked}</Text></View>
          <View className="list-item-sub">{g.orgName}</View>
        </View>
      </View>
      {verify ? (
        <>
          <View className={`phone-actions${pickable ? '' : ' phone-actions-flush'}`}>
            <Button className="btn btn-small" aria-label={zh.memberPhone.callLabel(g.name)} onClick={verify.onCall}>{zh.memberPhone.call}</Button>
            <Button className="btn btn-small" aria-label={zh.member.openLabel(g.name)} onClick={verify.onOpen}>{zh.member.open}</Button>
          </View>
          {verify.note ? <View className="notice small phone-note">{verify.note}</View> : null}
        </>
      ) : null}
    </View>
  )
}
