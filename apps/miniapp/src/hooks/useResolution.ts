import { useMemo } from 'react'
import { RulesError, canStart, relevantAnswers, resolve, shapeFor, type Answers, type Party, type Resolution } from '@xianjie/rules'

export type ResolutionState =
  | { ok: true; answers: Answers; resolution: Resolution; canSubmit: boolean }
  | { ok: false; error: RulesError | Error }

/**
 * The rules library's verdict on the answers so far, and whether `party` may start the
 * transfer it describes (a cross-system one only the outgoing org may). Anyone but the member
 * answers for someone else, so the membership answers count for them.
 */
export function useResolution(answers: Partial<Answers>, party: Party): ResolutionState {
  return useMemo(() => {
    const relevant = relevantAnswers(answers, { forSomeoneElse: party !== 'member' }) as Answers
    try {
      const resolution = resolve(relevant)
      const shape = shapeFor(resolution, true)
      return { ok: true, answers: relevant, resolution, canSubmit: !!shape && canStart(party, shape) }
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e : new Error(String(e)) }
    }
  }, [answers, party])
}
