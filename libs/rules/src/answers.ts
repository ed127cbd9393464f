import { RulesError } from './errors';
import { questions } from './questions';
import type { Answers, Destination, QuestionId } from './types';

export const DESTINATIONS: readonly Destination[] = [
  'further-study', 'employed', 'work-abroad-official', 'military', 'classified',
  'study-abroad', 'abroad-private', 'unplaced', 'delayed-graduation', 'suspended',
];

const UNPLACED_PLANS: readonly unknown[] = ['retain-at-school', 'transfer-home'];
const RECEIVER_REGIONS: readonly unknown[] = ['beijing', 'guangdong', 'fujian', 'other'];
const BOOLEAN_FIELDS = ['isLeagueMember', 'inSystem', 'employerHasLeagueOrg', 'admittedSchoolOrgReady'] as const;

/** Answers after checking, with the two identity defaults applied. */
export type CheckedAnswers = Answers & { isLeagueMember: boolean; inSystem: boolean };

export function missing(field: QuestionId): RulesError {
  return new RulesError('INCOMPLETE_ANSWERS', field, `还缺少一个回答：${questions[field].prompt}`);
}

function invalid(field: QuestionId): RulesError {
  return new RulesError('INCOMPLETE_ANSWERS', field, `这个回答无效，请重新回答：${questions[field].prompt}`);
}

/**
 * Answers arrive from phones and HTTP bodies, so the types are checked at run time too.
 * `null` counts as "not answered" (JSON has no undefined); a value of the wrong type or
 * outside the options counts as not answered either.
 */
export function checkAnswers(input: Answers): CheckedAnswers {
  if (typeof input !== 'object' || input === null) throw missing('destination');
  const raw = input as unknown as Record<QuestionId, unknown>;
  const given = (field: QuestionId): unknown => (raw[field] === null ? undefined : raw[field]);

  const destination = given('destination');
  // "I was entered by mistake" needs no destination: nobody is going anywhere.
  const notMember = given('isLeagueMember') === false;
  if (destination === undefined && !notMember) throw missing('destination');
  if (destination !== undefined && !DESTINATIONS.includes(destination as Destination)) throw invalid('destination');
  for (const field of BOOLEAN_FIELDS) {
    const v = given(field);
    if (v !== undefined && typeof v !== 'boolean') throw invalid(field);
  }
  const plan = given('unplacedPlan');
  if (plan !== undefined && !UNPLACED_PLANS.includes(plan)) throw invalid('unplacedPlan');
  const months = given('monthsSinceGraduation');
  if (months !== undefined && !(typeof months === 'number' && Number.isFinite(months) && months >= 0)) {
    throw invalid('monthsSinceGraduation');
  }
  const region = given('receiverRegion');
  if (region !== undefined && !RECEIVER_REGIONS.includes(region)) throw invalid('receiverRegion');

  const checked: Partial<Record<QuestionId, unknown>> = {};
  for (const field of Object.keys(questions) as QuestionId[]) {
    if (given(field) !== undefined) checked[field] = given(field);
  }
  return {
    ...(checked as unknown as Answers),
    isLeagueMember: (given('isLeagueMember') as boolean | undefined) ?? true,
    inSystem: (given('inSystem') as boolean | undefined) ?? true,
  };
}
