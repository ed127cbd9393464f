import type { EntityManager, ObjectLiteral } from 'typeorm';
import { anchorCohort } from '../members/cohort-anchor';

/**
 * What completing a transfer does to the member, as set-based SQL over the transfers a
 * selector picks (alias `t`): one transfer by id when a person approves, every row a sweep
 * statement marked when the sweep does. One code path, so both record the same outcome,
 * inside the caller's transaction. Only rows already `completed` are touched.
 *
 * Plain SQL that SQLite, PostgreSQL and MySQL all accept: no UPDATE … JOIN (SQLite has none),
 * correlated subqueries instead; the updated table never appears in its own subquery (MySQL).
 */
export interface Selector {
  sql: string;
  params: ObjectLiteral;
}

export async function runSql(em: EntityManager, sql: string, params: ObjectLiteral): Promise<unknown> {
  const [query, parameters] = em.connection.driver.escapeQueryWithParameters(sql, params, {});
  return em.query(query, parameters);
}

export async function applyCompletion(em: EntityManager, sel: Selector, now: string): Promise<void> {
  const done = (extra: string) => `SELECT t.member_id FROM transfers t WHERE (${sel.sql}) AND t.status = 'completed'${extra}`;
  const params = { ...sel.params, now, no: false };

  // Placed somewhere new: the school's ledger entry (台账) for this member is closed.
  await runSql(em, `UPDATE retention_records SET state = 'closed', closed_at = :now WHERE state <> 'closed' AND member_id IN (${done('')})`, params);

  // In-system receivers and retention branches: the membership moves to its new branch.
  const moved = ` AND t.path IN ('standard', 'retention') AND t.cross_system = :no AND t.target_org_id IS NOT NULL`;
  await runSql(
    em,
    `UPDATE memberships SET place = 'branch', updated_at = :now,
       org_id = (SELECT COALESCE(t.assigned_branch_id, t.target_org_id) FROM transfers t
                 WHERE (${sel.sql}) AND t.status = 'completed'${moved} AND t.member_id = memberships.person_id)
     WHERE person_id IN (${done(moved)})`,
    params,
  );

  // A suspended student graduates with the class they rejoin (domain §7): the cohort moves with
  // them, to that class's year once it is marked. Every other transfer leaves the anchor alone.
  const rejoined = (await runSql(em, done(` AND t.target = 'school-rejoined-class-branch'`), params)) as { member_id: string }[];
  if (rejoined.length) {
    const ids = rejoined.map((r) => r.member_id);
    await runSql(
      em,
      `UPDATE memberships SET graduation_year = (SELECT o.graduation_year FROM orgs o WHERE o.id = memberships.org_id),
         graduating_org_id = NULL, is_graduate = :no, updated_at = :now WHERE person_id IN (:...ids)`,
      { now, no: false, ids },
    );
    await anchorCohort(em, ids, new Date(now));
  }

  // Special units (特殊单位专属库): the member leaves the branch tree; org_id keeps the last branch.
  await runSql(
    em,
    `UPDATE memberships SET place = 'special-unit-library', updated_at = :now WHERE person_id IN (${done(` AND t.path = 'special-unit'`)})`,
    params,
  );

  // Kept at school: a new ledger entry, with the dates fixed at submission. Its id is the transfer's.
  await runSql(
    em,
    `INSERT INTO retention_records (id, member_id, transfer_id, kind, branch_id, details, started_at, follow_up_at, expires_at, state, closed_at)
     SELECT t.id, t.member_id, t.id,
            CASE t.target WHEN 'school-floating-branch' THEN 'floating' WHEN 'school-abroad-branch' THEN 'study-abroad' ELSE 'delayed-graduation' END,
            t.target_org_id, t.retention_details, :now, t.retention_follow_up_at, t.retention_expires_at, 'active', NULL
     FROM transfers t WHERE (${sel.sql}) AND t.status = 'completed' AND t.path = 'retention'`,
    params,
  );
  // Cross-system: handed over to the other province's own system, which receives the member there.
  // org_id keeps the last branch here (history, progress); the member no longer sits in it.
  await runSql(
    em,
    `UPDATE memberships SET place = 'other-system', updated_at = :now WHERE person_id IN (${done(` AND t.cross_system = :yes`)})`,
    { ...params, yes: true },
  );
}
