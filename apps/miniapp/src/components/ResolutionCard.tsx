import { Button, View, Text } from '@tarojs/components'
import { STAGE_DEADLINE_DAYS, isAutoApprovable, offlineDuties, shapeFor, stagesOf, withdrawSentence, type Destination, type Resolution } from '@xianjie/rules'
import { zh } from '../i18n/zh'
import { ErrorBanner } from './ErrorBanner'
import { OfflineDuties } from './OfflineDuties'

interface Props {
  resolution: Resolution
  /** The receiver when it is already known (the own school's special branch): named, not a kind. */
  receiverName?: string
  /** Sharpens the offline duties (military: with the enlistment papers; classified: its own line). */
  destination?: Destination
}

/** Where the membership goes, why, who approves in which order, and what else is needed — the rules library's words. */
export function ResolutionCard({ resolution, receiverName, destination }: Props) {
  const r = resolution
  const z = zh.resolution
  const needs: string[] = []
  if (r.outcome === 'wait') needs.push(z.waitNeeded)
  if (r.writtenApplication) needs.push(z.writtenApplication)
  if (r.offlinePaperwork) needs.push(z.offlinePaperwork)
  if (r.retainMonths) needs.push(z.retainMonths(r.retainMonths.usual, r.retainMonths.max))
  const offline = offlineDuties(r, destination)
  // The withdraw sentence is shown once, at the end, not also among the reasons.
  const withdraw = withdrawSentence(r)
  const why = r.explanation.filter((line) => line !== withdraw)
  const steps = approvalSteps(r)
  return (
    <View className="card resolution">
      <View className="muted">{r.outcome === 'wait' ? z.waitFor : z.goesTo}</View>
      <View className="card-strong">{receiverName ?? z.targets[r.target] ?? r.target}</View>
      {receiverName ? <View className="muted small">{z.knownReceiver}</View> : null}
      {steps.length ? (
        <View className="approval-steps">
          <View className="section-title">{z.stepsTitle}</View>
          {steps.map((s, i) => (
            <View className="approval-step" key={s.label}>
              <Text className="approval-step-no">{i + 1}</Text>
              <View>
                <View>{s.label}</View>
                {s.clock ? <View className="muted small">{s.clock}</View> : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <View className="section-title">{z.why}</View>
      <View className="bullets">
        {why.map((line) => (
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
      <OfflineDuties lines={offline} />
      {withdraw ? <View className="muted small withdraw-note">{withdraw}</View> : null}
    </View>
  )
}

/** The approval stages the lifecycle will take this transfer through, in order, with their clocks. */
function approvalSteps(r: Resolution): { label: string; clock?: string }[] {
  const shape = shapeFor(r, true)
  if (!shape || r.outcome === 'wait') return []
  const z = zh.resolution
  const steps = stagesOf(shape).map((stage) => ({
    label: stage === 'pending-outgoing' && shape.path === 'retention' ? z.stage.college : z.stage[stage] ?? stage,
    clock: isAutoApprovable(stage) ? z.stageClock(STAGE_DEADLINE_DAYS) : undefined,
  }))
  // Cross-system: the other province's own system receives; this one has no clock on it.
  if (shape.path === 'standard' && shape.crossSystem) steps.push({ label: z.stage.otherSystem, clock: undefined })
  return steps
}

/**
 * Answers that do not resolve (the rules refuse them): the rules' own message and the way back to
 * the questions. `page` for a page of its own; inside a step, without.
 */
export function UnresolvedAnswers({ message, onBack, page = false }: { message: string; onBack: () => void; page?: boolean }) {
  return (
    <View className={page ? 'page' : undefined}>
      <ErrorBanner error={message} />
      <Button className={page ? 'btn btn-primary' : 'btn'} onClick={onBack}>{zh.resolution.changeAnswers}</Button>
    </View>
  )
}
