import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A retention transfer carries its ledger entry from submission on (the written application
 * and the follow-up / expiry dates libs/rules computes), so that whoever approves it — a
 * college admin or the sweep, set-based in SQL — writes the same retention record.
 */
export class TransferRetentionPlan1764547200000 implements MigrationInterface {
  name = 'TransferRetentionPlan1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('transfers', [
      new TableColumn({ name: 'retention_details', type: 'text', isNullable: true }),
      new TableColumn({ name: 'retention_follow_up_at', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'retention_expires_at', type: 'varchar', length: '32', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumns('transfers', ['retention_expires_at', 'retention_follow_up_at', 'retention_details']);
  }
}
