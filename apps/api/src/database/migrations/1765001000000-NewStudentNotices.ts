import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * 新生团组织建好后的通知 (issue #12): one row per new-students org and waiting graduate once the
 * graduate has been told they can be pulled in — what keeps a re-import from telling them twice.
 */
export class NewStudentNotices1765001000000 implements MigrationInterface {
  name = 'NewStudentNotices1765001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'new_student_notices',
        columns: [
          { name: 'org_id', type: 'varchar', length: '48', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '48', isPrimary: true },
          { name: 'typed_school_name', type: 'varchar', length: '200' },
          { name: 'notified_at', type: 'varchar', length: '32' },
          { name: 'reminder_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'delivery', type: 'varchar', length: '200', isNullable: true },
        ],
      }),
    );
    await q.createIndex('new_student_notices', new TableIndex({ name: 'IDX_new_student_notices_member', columnNames: ['member_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('new_student_notices');
  }
}
