import type { Answers } from '@xianjie/rules'
import type { OrgView } from '@xianjie/contract'

/**
 * The questionnaire as a receiving admin meets it (发起转入). A school pulling in is the
 * admitted school: further study is chosen for it, and whether the admitted school's org exists
 * is not a question when that org is the one asking — the rules library still decides the rest.
 */
export function initialAnswers(own: OrgView | null): Partial<Answers> {
  return own?.domain === 'school' ? { destination: 'further-study', admittedSchoolOrgReady: true } : {}
}

/** Keeps the admitted-school path chosen whenever the admin answers further study. */
export function withPullInPath(answers: Partial<Answers>): Partial<Answers> {
  return answers.destination === 'further-study' ? { ...answers, admittedSchoolOrgReady: true } : answers
}
