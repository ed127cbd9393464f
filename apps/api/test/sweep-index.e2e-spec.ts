import { migrate } from '../src/database/data-source';
import type { DataSource } from 'typeorm';
import { testDatabases, undoThrough, useMigratedDatabase } from './databases';

/**
 * The sweep asks each stage it may approve for `status = :stage AND stage_deadline <= :now`. One
 * (status, stage_deadline) index answers that from the stage's own range; with an index per
 * column, a stage with nothing overdue walked every row of its status — after a big step, every
 * row that step had just moved (≈ 0.5 s a step at 1M rows). On each database: the migration leaves
 * the pair and drops the two single-column indexes, and its down puts them back; on PostgreSQL the
 * planner takes the pair for the sweep's question.
 */
const indexes = async (ds: DataSource) => {
  const qr = ds.createQueryRunner();
  try {
    const table = await qr.getTable('transfers');
    return table!.indices.filter((i) => !i.isUnique).map((i) => i.columnNames.join(',')).sort();
  } finally {
    await qr.release();
  }
};

describe.each(testDatabases().map((d) => [d.name, d] as const))('the sweep index on %s', (name, db) => {
  const database = useMigratedDatabase(db);

  it('has (status, stage_deadline) instead of status and stage_deadline alone; down restores them', async () => {
    const ds = database();
    const up = await indexes(ds);
    expect(up).toContain('status,stage_deadline');
    expect(up).not.toContain('status');
    expect(up).not.toContain('stage_deadline');

    await undoThrough(ds, 'TransferStageDeadlineIndex1765001500000');
    const down = await indexes(ds);
    expect(down).toEqual(expect.arrayContaining(['status', 'stage_deadline']));
    expect(down).not.toContain('status,stage_deadline');

    await migrate(ds);
    expect(await indexes(ds)).toEqual(up);
  });

  if (name === 'postgres') {
    it('answers a stage with nothing overdue from the pair, not by walking the status', async () => {
      const ds = database();
      await ds.query(
        `INSERT INTO transfers (id, member_id, open_member_id, status, path, destination, target, outgoing_org_id, target_org_id,
           cross_system, receiver_is_branch, answers, application, started_by_id, started_by_party, stage_entered_at, stage_deadline,
           version, created_at, updated_at)
         SELECT 't-' || g, 'm-' || g, 'm-' || g, 'pending-incoming', 'standard', 'employed', 'employer-org', 'b', 'e', FALSE, TRUE, '{}', '{}',
           'm-' || g, 'member', '2026-07-20T00:00:00.000Z', '2026-08-04T00:00:00.000Z', 2, '2026-06-16T00:00:00.000Z', '2026-07-20T00:00:00.000Z'
         FROM generate_series(1, 20000) AS g`,
      );
      await ds.query('ANALYZE transfers');
      const rows: { 'QUERY PLAN': string }[] = await ds.query(
        `EXPLAIN SELECT id FROM transfers WHERE status = $1 AND stage_deadline IS NOT NULL AND stage_deadline <= $2 AND path = 'standard'`,
        ['pending-incoming', '2026-07-20T00:00:00.000Z'],
      );
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('IDX_transfers_status_deadline');
      expect(plan).toMatch(/Index Cond: .*status.*stage_deadline/s);
    });
  }
});
