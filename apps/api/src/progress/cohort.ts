import { TRANSFER_STATUSES, type Destination, type TargetKind, type TransferStatus } from '@xianjie/rules';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { subtreeWhere } from '../auth/subtree';
import { movedAway } from '../members/cohort-anchor';

/** The branch a membership `m` graduates from, as SQL: the anchor, else the current branch while not moved. */
export const GRADUATING_BRANCH = (m = 'm') =>
  `COALESCE(${m}.graduating_org_id, CASE WHEN ${movedAway(m)} THEN NULL ELSE ${m}.org_id END)`;

/**
 * The graduating cohort of an org (domain §5) in SQL that SQLite, PostgreSQL and MySQL read
 * alike: league members of the graduation year whose graduating branch lies under the org,
 * wherever their membership is now. The anchor (members/cohort-anchor.ts) is written as soon
 * as the graduation year is known; a member somehow without one counts at their current branch
 * only while no transfer has moved them, never at a receiver's.
 */

/** "Started": a transfer in any status but these. */
export const DEAD_STATUSES: TransferStatus[] = ['withdrawn', 'rejected'];
export const LIVE_STATUSES: TransferStatus[] = TRANSFER_STATUSES.filter((s) => !DEAD_STATUSES.includes(s));
/**
 * Started, as SQL on a transfer `t` (params `live`, `rejected`): a live transfer, or a township's
 * refusal the school is working on — escalated and the member kept at school meanwhile
 * (escalation.service `retainPending` sets its retention date). That member is not one to remind
 * to start: the school's own ledger follows them.
 */
export const STARTED_SQL = (t = 't') => `(${t}.status IN (:...live) OR (${t}.status = :rejected AND ${t}.retention_expires_at IS NOT NULL))`;
export const STARTED_PARAMS = { live: LIVE_STATUSES, rejected: 'rejected' as TransferStatus };
/** Outside the started target, besides further study: the special-unit destinations. */
export const MILITARY_DESTINATIONS: Destination[] = ['military', 'classified'];
export const FURTHER_STUDY: Destination = 'further-study';
/** Where each retention kind keeps the member (the transfer's target). */
export const RETENTION_TARGETS = {
  floating: 'school-floating-branch',
  studyAbroad: 'school-abroad-branch',
  delayedGraduation: 'school-delayed-branch',
} as const satisfies Record<string, TargetKind>;

/** `FROM … WHERE …` of the cohort; `m` memberships, `g` the graduating branch, then `joins`. */
export function cohortFrom(orgPath: string, year: number, joins = ''): { sql: string; params: ObjectLiteral } {
  const [inside, insideParams] = subtreeWhere('g.path', orgPath, 'cohortPath');
  return {
    sql: `FROM memberships m
      JOIN orgs g ON g.id = ${GRADUATING_BRANCH('m')}
      ${joins}
      WHERE m.graduation_year = :year AND m.is_league_member = :isMember AND ${inside}`,
    params: { year, isMember: true, ...insideParams },
  };
}

/** Runs SQL written with TypeORM's `:name` / `:...list` parameters on whichever driver is connected. */
export async function runSql<T = Record<string, unknown>>(em: EntityManager, sql: string, params: ObjectLiteral): Promise<T[]> {
  const [query, native] = em.connection.driver.escapeQueryWithParameters(sql, params, {});
  return (await em.query(query, native)) as T[];
}

/** Counts arrive as numbers, bigint strings (PostgreSQL) or decimal strings (MySQL SUM). */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
