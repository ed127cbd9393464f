import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { AnswerValue, Question } from '@xianjie/rules'
import { zh } from '../i18n/zh'
import { Field } from './Field'

interface Props {
  question: Question
  /** The answer given earlier, shown selected so "back" loses nothing. */
  value: AnswerValue | undefined
  onAnswer: (value: AnswerValue) => void
}

/** One question, rendered from the rules library's data alone. */
export function QuestionCard({ question, value, onAnswer }: Props) {
  return (
    <View className="card question">
      <View className="card-title">{question.prompt}</View>
      <View className="muted question-help">{question.help}</View>
      {question.kind === 'number' ? (
        <NumberAnswer question={question} value={value} onAnswer={onAnswer} />
      ) : (
        <View className="options">
          {question.options.map((o) => {
            const selected = value === o.value
            return (
              <View
                key={String(o.value)}
                className={`option${selected ? ' option-selected' : ''}`}
                role="radio"
                aria-checked={selected}
                onClick={() => onAnswer(o.value)}
              >
                <Text className="option-label">{o.label}</Text>
                {o.help ? <View className="option-help">{o.help}</View> : null}
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}

function NumberAnswer({ question, value, onAnswer }: Props & { question: Extract<Question, { kind: 'number' }> }) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '')
  const [error, setError] = useState('')
  useEffect(() => setText(typeof value === 'number' ? String(value) : ''), [question.id, value])
  const submit = () => {
    const n = Number(text)
    if (text.trim() === '' || !Number.isInteger(n) || n < question.min || n > question.max) {
      setError(zh.questionnaire.numberInvalid(question.min, question.max))
      return
    }
    setError('')
    onAnswer(n)
  }
  return (
    <View className="number-answer">
      <Field
        label={question.unit}
        value={text}
        type="number"
        maxLength={String(question.max).length}
        placeholder={zh.questionnaire.numberPlaceholder}
        onChange={setText}
        error={error}
        name={question.id}
      />
      <Button className="btn btn-primary" onClick={submit}>{zh.common.next}</Button>
    </View>
  )
}
