import { View, Button } from '@tarojs/components'
import type { AnswerValue, Answers } from '@xianjie/rules'
import { QuestionCard } from '../components/QuestionCard'
import { useQuestionnaire } from '../hooks/useQuestionnaire'
import { zh } from '../i18n/zh'

/** An admin answers for the member: whether they are a member at all is a real question here (libs/rules). */
const FOR_SOMEONE_ELSE = { forSomeoneElse: true } as const

/** The questionnaire as an admin answers it for someone (代为发起, 发起转入), one question a screen. */
export function AnswersForMember({ answers, save, onDone, onBack }: {
  answers: Partial<Answers>; save: (a: Partial<Answers>) => void; onDone: () => void; onBack: () => void
}) {
  const q = useQuestionnaire(answers, save, undefined, FOR_SOMEONE_ELSE)
  if (!q.current) return null
  const given = answers[q.current.id]
  const onAnswer = (v: AnswerValue) => {
    if (q.answer(v)) onDone()
  }
  return (
    <View>
      <View className="section-title">{zh.admin.start.questions} · {zh.questionnaire.progress(q.index + 1)}</View>
      <QuestionCard question={q.current} value={given} onAnswer={onAnswer} />
      {given !== undefined && q.current.kind === 'single' ? (
        <Button className="btn btn-primary" onClick={() => onAnswer(given)}>{zh.common.next}</Button>
      ) : null}
      <Button className="btn" onClick={() => { if (!q.back()) onBack() }}>{zh.common.back}</Button>
    </View>
  )
}
