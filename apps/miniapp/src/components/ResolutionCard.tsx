import { View, Text } from '@tarojs/components'
import { offlineDuties, type Destination, type Resolution } from '@xianjie/rules'
import { zh } from '../i18n/zh'

/** Where the membership goes, why, and what else is needed — the rules library's words. */
export function ResolutionCard({ resolution, destination }: { resolution: Resolution; destination?: Destination }) {
  const r = resolution
  const z = zh.resolution
  const needs: string[] = []
  if (r.outcome === 'wait') needs.push(z.waitNeeded)
  if (r.writtenApplication) needs.push(z.writtenApplication)
  if (r.offlinePaperwork) needs.push(z.offlinePaperwork)
  if (r.retainMonths) needs.push(z.retainMonths(r.retainMonths.usual, r.retainMonths.max))
  const offline = offlineDuties(r, destination)
  return (
    <View className="card resolution">
      <View className="muted">{r.outcome === 'wait' ? z.waitFor : z.goesTo}</View>
      <View className="card-strong">{z.targets[r.target] ?? r.target}</View>
      {r.reviewer !== 'none' ? (
        <View className="muted">{z.reviewerLabel}：{z.reviewer[r.reviewer]}</View>
      ) : null}
      <View className="section-title">{z.why}</View>
      <View className="bullets">
        {r.explanation.map((line) => (
          <View className="bullet" key={line}><Text>{line}</Text></View>
        ))}
      </View>
      {needs.length ? (
        <View>
          <View className="section-title">{z.needs}</View>
          <View className="bullets">
            {needs.map((line) => (
              <View className="bullet" key={line}><Text>{line}</Text></View>
            ))}
          </View>
        </View>
      ) : null}
      {offline.length ? (
        <View className="offline">
          <View className="section-title">{zh.transfer.offline}</View>
          <View className="bullets">
            {offline.map((line) => <View className="bullet" key={line}><Text>{line}</Text></View>)}
          </View>
        </View>
      ) : null}
      {r.outcome === 'transfer' || r.outcome === 'retain' ? (
        <View className="muted small">{r.canWithdraw ? z.withdrawNote : z.noWithdrawNote}</View>
      ) : null}
    </View>
  )
}
