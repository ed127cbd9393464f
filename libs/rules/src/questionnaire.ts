import { questions, questionsAboutMember } from './questions';
import type { AnswerValue, Answers, Question, QuestionId } from './types';

export { questions, questionsAboutMember };

export interface QuestionnaireOptions {
  /**
   * An admin answers for someone else (代为发起): whether the person is a league member at all
   * and whether their record exists are real questions then. A graduate answering for
   * themself is logged in as a member found in the system, so nobody asks them that.
   */
  forSomeoneElse?: boolean;
}

/**
 * The questions to answer, in asking order, as far as the answers so far decide it.
 * Order: where they go first (it is why they came), then — only for someone else — the two
 * identity checks (a "no" ends the questionnaire), then only what that destination needs.
 * A graduate may still say they were entered by mistake (`isLeagueMember: false`, from the
 * quiet link under the first question): that one answer is then the whole questionnaire.
 */
function questionPath(a: Partial<Answers>, opts: QuestionnaireOptions = {}): QuestionId[] {
  if (!opts.forSomeoneElse) {
    if (a.isLeagueMember === false) return ['isLeagueMember'];
    const path: QuestionId[] = ['destination'];
    return a.destination === undefined ? path : path.concat(destinationQuestions(a));
  }
  const path: QuestionId[] = ['destination'];
  if (a.destination === undefined) return path;
  path.push('isLeagueMember');
  if (a.isLeagueMember !== true) return path;
  path.push('inSystem');
  if (a.inSystem !== true) return path;
  return path.concat(destinationQuestions(a));
}

function destinationQuestions(a: Partial<Answers>): QuestionId[] {
  switch (a.destination) {
    case 'further-study':
      return a.admittedSchoolOrgReady === true
        ? ['admittedSchoolOrgReady', 'receiverRegion']
        : ['admittedSchoolOrgReady'];
    case 'employed':
    case 'work-abroad-official':
      return ['employerHasLeagueOrg', 'receiverRegion'];
    case 'abroad-private':
      return ['receiverRegion'];
    case 'unplaced':
      // No months question: the server holds the graduation date and counts them itself.
      if (a.unplacedPlan === 'retain-at-school') return ['unplacedPlan'];
      if (a.unplacedPlan === 'transfer-home') return ['unplacedPlan', 'receiverRegion'];
      return ['unplacedPlan'];
    default:
      // military, classified, study-abroad, delayed-graduation, suspended: nothing to choose
      return [];
  }
}

/**
 * The next question to ask, or `null` when the answers are complete (ready for `resolve`).
 * A complete set may still be refused by `resolve` — the one case the questionnaire cannot
 * steer around is "keep me at school" after 12 months, which the server finds out from the
 * graduation date it holds (see resolve).
 */
export function nextQuestion(partial: Partial<Answers>, opts?: QuestionnaireOptions): Question | null {
  const id = questionPath(partial, opts).find((q) => partial[q] === undefined);
  return id === undefined ? null : wordingFor(opts)[id];
}

/** An admin answering for someone reads the questions about "该团员"; a graduate, about "你". */
const wordingFor = (opts?: QuestionnaireOptions) => (opts?.forSomeoneElse ? questionsAboutMember : questions);

/** The questions answered so far, in asking order: for a summary page and a "back" button. */
export function askedQuestions(partial: Partial<Answers>, opts?: QuestionnaireOptions): Question[] {
  return questionPath(partial, opts)
    .filter((q) => partial[q] !== undefined)
    .map((q) => wordingFor(opts)[q]);
}

/**
 * Only the answers still on the graduate's path. Call it after an answer changes: a leftover
 * answer from an abandoned branch (say a region picked before switching to "keep me at
 * school") would otherwise make `resolve` refuse the set as contradictory.
 */
export function relevantAnswers(partial: Partial<Answers>, opts?: QuestionnaireOptions): Partial<Answers> {
  const kept: Partial<Record<QuestionId, unknown>> = {};
  for (const q of questionPath(partial, opts)) {
    if (partial[q] !== undefined) kept[q] = partial[q];
  }
  return kept as Partial<Answers>;
}

/** The Chinese label of an answer, as the graduate saw it; `undefined` for a value not offered. */
export function answerLabel(id: QuestionId, value: AnswerValue): string | undefined {
  const q = questions[id];
  if (q.kind === 'number') {
    return typeof value === 'number' && Number.isFinite(value) ? `${value}${q.unit}` : undefined;
  }
  return q.options.find((o) => o.value === value)?.label;
}
