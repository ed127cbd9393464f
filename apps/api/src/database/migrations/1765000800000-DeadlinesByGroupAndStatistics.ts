import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Deadlines by group (domain §7): a school's own preparation, employed/unplaced and
 * postgraduate/civil-servant dates (NULL keeps the libs/rules default, so existing rows need no
 * backfill); the detail that tells a civil servant or an admitted postgraduate apart; and the
 * yearly statistics table as filed upward, a snapshot of the figures on the day it was filed.
 */
export class DeadlinesByGroupAndStatistics1765000800000 implements MigrationInterface {
  name = 'DeadlinesByGroupAndStatistics1765000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('campaign_settings', [
      new TableColumn({ name: 'preparation_by', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'employed_unplaced_by', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'postgraduate_civil_servant_by', type: 'varchar', length: '10', isNullable: true }),
    ]);
    await q.addColumn('destination_reports', new TableColumn({ name: 'destination_detail', type: 'varchar', length: '24', isNullable: true }));
    await q.createTable(
      new Table({
        name: 'statistics_filings',
        columns: [
          { name: 'org_id', type: 'varchar', length: '48', isPrimary: true },
          { name: 'year', type: 'int', isPrimary: true },
          { name: 'filed_at', type: 'varchar', length: '32' },
          { name: 'filed_by_id', type: 'varchar', length: '48' },
          { name: 'figures', type: 'text' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('statistics_filings');
    await q.dropColumn('destination_reports', 'destination_detail');
    for (const c of ['postgraduate_civil_servant_by', 'employed_unplaced_by', 'preparation_by']) await q.dropColumn('campaign_settings', c);
  }
}
