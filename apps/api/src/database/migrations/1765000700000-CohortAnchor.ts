import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Cohorts are anchored where the member graduates (domain §7 "Cohorts move with the member").
 * `memberships.graduating_org_id` used to be written only by the June 1 flip, from the member's
 * branch at that moment: a member whose transfer completed before the flip was anchored at the
 * receiver. From now on it is set as soon as the graduation year is known and never follows a
 * transfer; this repairs what is stored. Plain UPDATEs every driver reads alike (no UPDATE … JOIN,
 * the updated table never in its own subquery).
 *
 * Deletion requests go on from the school committee to the provincial committee: who forwarded
 * them and when.
 */
const MOVED = `SELECT mv.outgoing_org_id FROM transfers mv
  WHERE mv.member_id = memberships.person_id AND mv.status = 'completed' AND mv.target <> 'school-rejoined-class-branch'`;

export class CohortAnchor1765000700000 implements MigrationInterface {
  name = 'CohortAnchor1765000700000';

  async up(q: QueryRunner): Promise<void> {
    // Members added to a marked branch after its mark are its graduates.
    await q.query(`UPDATE memberships SET graduation_year = (SELECT o.graduation_year FROM orgs o WHERE o.id = memberships.org_id)
      WHERE graduation_year IS NULL AND place = 'branch' AND org_id IN (SELECT o.id FROM orgs o WHERE o.graduation_year IS NOT NULL)`);
    // Moved away before being anchored, or anchored at the receiver by a late flip: the branch they left from.
    await q.query(`UPDATE memberships SET graduating_org_id = (${MOVED} ORDER BY mv.closed_at, mv.id LIMIT 1)
      WHERE graduation_year IS NOT NULL AND EXISTS (${MOVED}) AND (graduating_org_id IS NULL OR graduating_org_id = org_id)`);
    // Not moved: the current branch is the graduating one.
    await q.query(`UPDATE memberships SET graduating_org_id = org_id WHERE graduation_year IS NOT NULL AND graduating_org_id IS NULL`);

    await q.addColumns('org_requests', [
      new TableColumn({ name: 'forwarded_by_id', type: 'varchar', length: '48', isNullable: true }),
      new TableColumn({ name: 'forwarded_at', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'forward_comment', type: 'varchar', length: '200', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('org_requests', 'forward_comment');
    await q.dropColumn('org_requests', 'forwarded_at');
    await q.dropColumn('org_requests', 'forwarded_by_id');
  }
}
