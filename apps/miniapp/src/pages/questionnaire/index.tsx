import { View, Button } from '@tarojs/components'
import type { AnswerValue, Answers } from '@xianjie/rules'
import { useOpenTransferGate } from '../../components/OpenTransferCard'
import { QuestionCard } from '../../components/QuestionCard'
import { useQuestionnaire } from '../../hooks/useQuestionnaire'
import { zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { draftStore, useDraft } from '../../store/draft'

/** 毕业去向问卷: one question per screen, straight from the rules library. */
export default function QuestionnairePage() {
  const draft = useDraft()
  const params = useParams()
  // A changed answer may change the kind of receiver: the earlier pick no longer holds.
  const save = (answers: Partial<Answers>) => draftStore.update({ answers, receiver: null })
  const q = useQuestionnaire(draft.answers, save, params.field as keyof Answers | undefined)
  const gate = useOpenTransferGate(draft.editing, true)
  if (gate) return gate
  if (!q.current) return null

  const given = draft.answers[q.current.id]
  const onAnswer = (value: AnswerValue) => {
    if (q.answer(value)) nav.to(ROUTES.resolution)
  }
  const onBack = () => {
    if (!q.back()) nav.back()
  }
  // The quiet way out for someone entered as a member by mistake: the record-deletion path.
  const notMember = () => {
    save({ ...draft.answers, isLeagueMember: false })
    nav.to(ROUTES.resolution)
  }
  return (
    <View className="page questionnaire">
      <View className="muted">{zh.questionnaire.progress(q.index + 1)}</View>
      <QuestionCard question={q.current} value={given} onAnswer={onAnswer} />
      {given !== undefined && q.current.kind === 'single' ? (
        <Button className="btn btn-primary" onClick={() => onAnswer(given)}>{zh.common.next}</Button>
      ) : null}
      <Button className="btn" onClick={onBack}>{q.index === 0 ? zh.questionnaire.leave : zh.common.back}</Button>
      {q.current.id === 'destination' ? (
        <View className="quiet-link" role="link" onClick={notMember}>{zh.questionnaire.notMember}</View>
      ) : null}
    </View>
  )
}
