import { useEffect } from 'react'
import { View, Button } from '@tarojs/components'
import type { WaitingGraduate } from '@xianjie/contract'
import { api } from '../../api'
import { LoadMore } from '../../components/LoadMore'
import { usePages } from '../../hooks/usePages'
import { zh } from '../../i18n/zh'

const PAGE_SIZE = 50
const keyOf = (w: WaitingGraduate) => `${w.newStudentsOrg.id}/${w.memberId}`

/**
 * 待转入新生: the waiting graduates who named this school (masked, as every list), a page at a
 * time with the whole count. Picking one fills in the name; the ID number is typed from the
 * admission roster, never shown in full here.
 */
export function WaitingList({ onPick }: { onPick: (w: WaitingGraduate) => void }) {
  const list = usePages<WaitingGraduate>(keyOf)
  const z = zh.admin.pullIn
  useEffect(() => {
    // A list that fails to load is only a shortcut: the screen works without it.
    api.pullInWaiting({ limit: PAGE_SIZE }).then(list.reset, () => list.reset({ items: [], total: 0 }))
  }, [])
  if (list.rows.length === 0) return null
  return (
    <View className="card pull-in-waiting">
      <View className="card-title">{z.waiting} {list.total}</View>
      <View className="muted small">{z.waitingIntro}</View>
      {list.rows.map((w) => (
        <View key={keyOf(w)} className="list-item waiting-row">
          <View className="list-item-title">{w.name} {w.idNumberMasked}</View>
          <View className="list-item-sub">{w.orgName} · {z.waitingTyped(w.typedSchoolName)}</View>
          <View className="list-item-sub">→ {w.newStudentsOrg.name}</View>
          <Button className="btn btn-small" onClick={() => onPick(w)}>{z.waitingPick}</Button>
        </View>
      ))}
      <LoadMore left={list.left} busy={list.more.busy} error={list.more.error}
        onMore={() => void list.loadMore((offset) => api.pullInWaiting({ limit: PAGE_SIZE, offset }))} />
    </View>
  )
}
