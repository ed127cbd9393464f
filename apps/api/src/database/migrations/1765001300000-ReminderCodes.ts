import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * The short code of a reminder link (its SHA-256), for a 小程序码 whose scene cannot hold the
 * 43-character token. Unique and nullable: links made before this have none, and all three
 * databases allow many NULLs under a unique index.
 */
export class ReminderCodes1765001300000 implements MigrationInterface {
  name = 'ReminderCodes1765001300000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('reminders', new TableColumn({ name: 'code_hash', type: 'varchar', length: '64', isNullable: true }));
    await q.createIndex('reminders', new TableIndex({ name: 'IDX_reminders_code_hash', columnNames: ['code_hash'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('reminders', 'IDX_reminders_code_hash');
    await q.dropColumn('reminders', 'code_hash');
  }
}
