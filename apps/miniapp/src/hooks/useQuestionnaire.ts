import { useMemo, useState } from 'react'
import {
  askedQuestions, nextQuestion, relevantAnswers,
  type AnswerValue, type Answers, type Question, type QuestionnaireOptions,
} from '@xianjie/rules'

/**
 * Walks the rules library's questionnaire one screen at a time. Every answer ever given is
 * kept (so "back" and a changed mind lose nothing); only the answers still on the path
 * (`relevantAnswers`) are used.
 */
export function useQuestionnaire(
  answers: Partial<Answers>,
  save: (answers: Partial<Answers>) => void,
  startField?: keyof Answers,
  /** `{ forSomeoneElse: true }` when an admin answers for a member (adds the membership questions). */
  opts: QuestionnaireOptions = {},
) {
  const relevant = useMemo(() => relevantAnswers(answers, opts), [answers, opts.forSomeoneElse])
  const screens: Question[] = useMemo(() => {
    const asked = askedQuestions(relevant, opts)
    const next = nextQuestion(relevant, opts)
    return next ? [...asked, next] : asked
  }, [relevant, opts.forSomeoneElse])
  const complete = nextQuestion(relevant, opts) === null
  const [index, setIndex] = useState(() => {
    const wanted = startField ? screens.findIndex((q) => q.id === startField) : -1
    return Math.min(wanted >= 0 ? wanted : firstUnanswered(answers, opts), Math.max(screens.length - 1, 0))
  })
  const current = screens[Math.min(index, screens.length - 1)] ?? null

  /** Records the answer; returns true when the questionnaire is now complete. */
  const answer = (value: AnswerValue): boolean => {
    if (!current) return true
    const nextAnswers = { ...answers, [current.id]: value } as Partial<Answers>
    save(nextAnswers)
    const nextRelevant = relevantAnswers(nextAnswers, opts)
    const nextScreens = askedQuestions(nextRelevant, opts).length + (nextQuestion(nextRelevant, opts) ? 1 : 0)
    if (index + 1 < nextScreens) {
      setIndex(index + 1)
      return false
    }
    return nextQuestion(nextRelevant, opts) === null
  }

  /** One screen back; false when already on the first. */
  const back = (): boolean => {
    if (index === 0) return false
    setIndex(index - 1)
    return true
  }

  /** Jump to the question about `field` (after the rules refused an answer). */
  const goTo = (field: keyof Answers) => {
    const i = screens.findIndex((q) => q.id === field)
    if (i >= 0) setIndex(i)
  }

  return { current, index, total: screens.length, complete, relevant, answer, back, goTo }
}

function firstUnanswered(answers: Partial<Answers>, opts: QuestionnaireOptions): number {
  const relevant = relevantAnswers(answers, opts)
  return nextQuestion(relevant, opts) ? askedQuestions(relevant, opts).length : 0
}
