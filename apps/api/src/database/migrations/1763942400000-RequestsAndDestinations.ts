import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

const str = (name: string, length: number, nullable = false, primary = false): TableColumnOptions => ({
  name, type: 'varchar', length: String(length), isNullable: nullable, isPrimary: primary,
});

export class RequestsAndDestinations1763942400000 implements MigrationInterface {
  name = 'RequestsAndDestinations1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'org_requests',
        columns: [
          str('id', 36, false, true), str('kind', 24), str('subject_id', 48), str('decider_org_id', 48),
          { name: 'payload', type: 'text' }, str('reason', 200), str('status', 16), str('open_key', 80, true),
          str('created_by_id', 48), str('created_at', 32), str('decided_by_id', 48, true), str('decided_at', 32, true),
          str('decision_comment', 200, true),
        ],
        indices: [
          new TableIndex({ columnNames: ['subject_id'] }), new TableIndex({ columnNames: ['decider_org_id'] }),
          new TableIndex({ columnNames: ['status'] }), new TableIndex({ columnNames: ['open_key'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'destination_reports',
        columns: [
          str('member_id', 48, false, true), str('destination', 24), str('organisation_name', 200, true),
          str('organisation_address', 200, true), str('organisation_township', 100, true),
          str('household_registration', 200, true), str('residence', 200, true), str('updated_at', 32),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('destination_reports');
    await q.dropTable('org_requests');
  }
}
