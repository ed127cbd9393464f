import { View, Text, Button } from '@tarojs/components'
import type { UnplacedMoveResult } from '@xianjie/contract'
import { zh } from '../../i18n/zh'
import { notMoved } from './moves'

interface Props {
  result: UnplacedMoveResult
  branchName: string
  onLedger: () => void
}

/**
 * What the move did: how many are now in the branch, and each one it did not move with the API's
 * reason. A graduate this org could not move comes back without a name (the API says nothing about them).
 */
export function MoveResultCard({ result, branchName, onLedger }: Props) {
  const z = zh.unplaced
  const moved = result.counts.moved ?? 0
  const others = notMoved(result)
  return (
    <View className="card move-result" id="move-result">
      <View className="card-title">{z.result}</View>
      {moved ? <View className="success">{z.moved(moved, branchName)}</View> : <View className="notice">{z.movedNone}</View>}
      {others.length ? (
        <>
          <View className="muted small">{z.others(others.length)}</View>
          {others.map((r) => (
            <View key={r.memberId} className="result-row">
              <Text className="result-name">{r.name ?? z.noName}</Text>
              <Text className="result-message">{r.message}</Text>
            </View>
          ))}
        </>
      ) : null}
      {moved ? <Button className="btn btn-small" onClick={onLedger}>{z.ledger}</Button> : null}
    </View>
  )
}
