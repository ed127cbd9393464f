import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Issue #12's rarer paths. Township flag corrections travel up level by level: each forward is
 * kept in `org_requests.trail` (JSON). Members abroad kept at school report on themselves
 * periodically (`abroad_reports`), at an interval each school sets (`abroad_report_settings`;
 * no row = the libs/rules default of 6 months).
 */
export class EscalationAndAbroadReports1765001100000 implements MigrationInterface {
  name = 'EscalationAndAbroadReports1765001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('org_requests', new TableColumn({ name: 'trail', type: 'text', isNullable: true }));
    await q.createTable(
      new Table({
        name: 'abroad_reports',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '48' },
          { name: 'at', type: 'varchar', length: '32' },
          { name: 'note', type: 'varchar', length: '500' },
        ],
      }),
    );
    await q.createIndex('abroad_reports', new TableIndex({ name: 'IDX_abroad_reports_member_at', columnNames: ['member_id', 'at'] }));
    await q.createTable(
      new Table({
        name: 'abroad_report_settings',
        columns: [
          { name: 'org_id', type: 'varchar', length: '48', isPrimary: true },
          { name: 'months', type: 'int' },
          { name: 'updated_by_id', type: 'varchar', length: '48' },
          { name: 'updated_at', type: 'varchar', length: '32' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('abroad_report_settings');
    await q.dropIndex('abroad_reports', 'IDX_abroad_reports_member_at');
    await q.dropTable('abroad_reports');
    await q.dropColumn('org_requests', 'trail');
  }
}
