import { useEffect, useState } from 'react'
import { View, Button } from '@tarojs/components'
import type { WaitingGraduate } from '@xianjie/contract'
import { api } from '../../api'
import { zh } from '../../i18n/zh'

/**
 * 待转入新生: the waiting graduates who named this school (masked, as every list). Picking one
 * fills in the name; the ID number is typed from the admission roster, never shown in full here.
 */
export function WaitingList({ onPick }: { onPick: (w: WaitingGraduate) => void }) {
  const [list, setList] = useState<WaitingGraduate[]>([])
  const z = zh.admin.pullIn
  useEffect(() => {
    // A list that fails to load is only a shortcut: the screen works without it.
    api.pullInWaiting().then(setList, () => setList([]))
  }, [])
  if (list.length === 0) return null
  return (
    <View className="card pull-in-waiting">
      <View className="card-title">{z.waiting} {list.length}</View>
      <View className="muted small">{z.waitingIntro}</View>
      {list.map((w) => (
        <View key={`${w.newStudentsOrg.id}/${w.memberId}`} className="list-item waiting-row">
          <View className="list-item-title">{w.name} {w.idNumberMasked}</View>
          <View className="list-item-sub">{w.orgName} · {z.waitingTyped(w.typedSchoolName)}</View>
          <View className="list-item-sub">→ {w.newStudentsOrg.name}</View>
          <Button className="btn btn-small" onClick={() => onPick(w)}>{z.waitingPick}</Button>
        </View>
      ))}
    </View>
  )
}
