import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

export class GraduationMarks1763856000000 implements MigrationInterface {
  name = 'GraduationMarks1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'graduation_marks',
        columns: [
          { name: 'branch_id', type: 'varchar', length: '48', isPrimary: true },
          { name: 'graduation_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'no_graduation_reason', type: 'varchar', length: '100', isNullable: true },
          { name: 'marked_by_org_id', type: 'varchar', length: '48' },
          { name: 'marked_by_id', type: 'varchar', length: '48' },
          { name: 'marked_at', type: 'varchar', length: '32' },
        ],
        indices: [new TableIndex({ columnNames: ['marked_by_org_id'] })],
      }),
    );
    // A graduating branch whose members have all left may be deleted; the row stays (hidden) so the
    // cohort's progress and history still find where they graduated from.
    await q.addColumn('orgs', new TableColumn({ name: 'deleted_at', type: 'varchar', length: '32', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('orgs', 'deleted_at');
    await q.dropTable('graduation_marks');
  }
}
