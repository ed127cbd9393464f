import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The sweep asks, per stage it may approve, `status = :stage AND stage_deadline <= :now` (transfers/
 * auto-approval.ts) — the only query on stage_deadline. With one index per column, a stage with
 * nothing overdue still walked every row of that status (the million a previous step had just
 * moved, 56–105 ms a step at 200,000 rows) or every dead entry of the deadline index. One index on
 * (status, stage_deadline) answers each step from its own range; it replaces both single-column
 * indexes (status alone is its leading column), so a write maintains one index fewer.
 */
export class TransferStageDeadlineIndex1765001500000 implements MigrationInterface {
  name = 'TransferStageDeadlineIndex1765001500000';

  async up(q: QueryRunner): Promise<void> {
    await this.dropIndexOn(q, ['status']);
    await this.dropIndexOn(q, ['stage_deadline']);
    await q.createIndex('transfers', new TableIndex({ name: 'IDX_transfers_status_deadline', columnNames: ['status', 'stage_deadline'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('transfers', 'IDX_transfers_status_deadline');
    await q.createIndex('transfers', new TableIndex({ columnNames: ['status'] }));
    await q.createIndex('transfers', new TableIndex({ columnNames: ['stage_deadline'] }));
  }

  /** The Initial migration's indexes have generated names: found by their columns. */
  private async dropIndexOn(q: QueryRunner, columns: string[]): Promise<void> {
    const table = await q.getTable('transfers');
    const found = table?.indices.find((i) => !i.isUnique && i.columnNames.join() === columns.join());
    if (table && found) await q.dropIndex(table, found);
  }
}
