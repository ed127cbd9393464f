/** Small shapes several routes share. */

/** An org named in passing: a path element, a branch on a form. */
export interface OrgRef {
  id: string;
  name: string;
}

/** Where a membership sits now: a branch, the special-unit library (特殊单位专属库), or another system. */
export type MembershipPlace = 'branch' | 'special-unit-library' | 'other-system';

/** `GET /health`, `GET /health/ready` */
export interface HealthStatus {
  status: 'ok';
}

/** `?year=`: the graduating cohort (the current campaign when omitted). */
export interface YearQuery {
  year?: number;
}
