import { View, Button } from '@tarojs/components'
import { RulesError, schoolBranchPurpose } from '@xianjie/rules'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useOpenTransferGate } from '../../components/OpenTransferCard'
import { ResolutionCard } from '../../components/ResolutionCard'
import { knownReceiver, useMe } from '../../hooks/useMe'
import { useResolution } from '../../hooks/useResolution'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { draftStore, useDraft } from '../../store/draft'
import { DeletionNext } from './DeletionNext'

/** 办理结果: the resolution card, then the one next step that fits it. */
export default function ResolutionPage() {
  const draft = useDraft()
  const state = useResolution(draft.answers, 'member')
  const { me } = useMe()
  const gate = useOpenTransferGate(draft.editing, state.ok)
  const z = zh.resolution
  if (gate) return gate

  if (!state.ok) {
    const field = state.error instanceof RulesError ? state.error.field : undefined
    return (
      <View className="page">
        <ErrorBanner error={state.error.message} />
        <Button className="btn btn-primary" onClick={() => nav.replace(ROUTES.questionnaire, field ? { field } : undefined)}>
          {z.changeAnswers}
        </Button>
      </View>
    )
  }

  const { resolution: r, canSubmit } = state
  const known = knownReceiver(r.target, me)
  // Kept at school: the own school's branch is the receiver, so the form comes next, no picker —
  // unless /me has not answered yet or the school has no such branch (then the picker explains).
  const pickerNeeded = r.needsNamedOrg && !schoolBranchPurpose(r.target)
  const toForm = () => {
    if (known) draftStore.update({ receiver: known })
    nav.to(ROUTES.apply)
  }
  let next: JSX.Element
  if (r.outcome === 'delete-record') {
    next = <DeletionNext me={me} />
  } else if (r.outcome === 'wait' || r.outcome === 'enter-then-transfer') {
    const title = r.outcome === 'wait' ? z.outcomeWait : z.outcomeEnter
    const body = r.outcome === 'enter-then-transfer' ? z.outcomeEnterBody : ''
    next = (
      <View className="notice">
        <View className="card-title">{title}</View>
        {body ? <View>{body}</View> : null}
      </View>
    )
  } else if (!canSubmit) {
    next = (
      <View className="notice cross-system-notice">
        <View className="card-title">{z.crossSystemTitle}</View>
        <View>{z.crossSystemBody}</View>
        <View className="bullets">
          {z.crossSystemGive.map((line) => <View className="bullet" key={line}>{line}</View>)}
        </View>
        <View>{z.crossSystemAfter}</View>
      </View>
    )
  } else if (pickerNeeded || (r.needsNamedOrg && me && !known)) {
    next = <Button className="btn btn-primary" onClick={() => nav.to(ROUTES.receiver)}>{z.pickReceiver}</Button>
  } else {
    next = <Button className="btn btn-primary" disabled={r.needsNamedOrg && !me} onClick={toForm}>{z.fillForm}</Button>
  }

  return (
    <View className="page">
      <View className="page-title">{z.title}</View>
      <ResolutionCard resolution={r} receiverName={known?.orgName} destination={draft.answers.destination} />
      {next}
      <Button className="btn" onClick={() => nav.to(ROUTES.questionnaire, { field: draft.answers.isLeagueMember === false ? 'isLeagueMember' : 'destination' })}>
        {z.changeAnswers}
      </Button>
      {!canSubmit || (r.outcome !== 'transfer' && r.outcome !== 'retain') ? (
        <Button className="btn btn-text" onClick={() => nav.relaunch(ROUTES.home)}>{zh.common.home}</Button>
      ) : null}
    </View>
  )
}
