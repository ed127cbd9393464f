import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The session that changed the password: a password change ends every other session by
 * bumping token_version, while this one (named by its token's session id) carries on.
 */
export class PeopleKeptSession1765000300000 implements MigrationInterface {
  name = 'PeopleKeptSession1765000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('people', new TableColumn({ name: 'kept_session', type: 'varchar', length: '32', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('people', 'kept_session');
  }
}
