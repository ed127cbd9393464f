import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { ADMITTED_SCHOOL_KEY_LENGTH, admittedSchoolKey } from '../../members/admitted-school-key';

const BATCH = 500;

/**
 * A new-students org's waiting list (new-students.service.ts) matched the school's name against
 * every further-study report in the database, in Node: each list and each import read them all.
 * The admitted school's name key, stored and indexed, makes it a lookup. Reports already saved get
 * their key here, in batches by member id, with the same function a save uses.
 */
export class AdmittedSchoolKey1765001600000 implements MigrationInterface {
  name = 'AdmittedSchoolKey1765001600000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('destination_reports', new TableColumn({ name: 'organisation_key', type: 'varchar', length: String(ADMITTED_SCHOOL_KEY_LENGTH), isNullable: true }));
    await q.createIndex('destination_reports', new TableIndex({ name: 'IDX_destination_reports_key', columnNames: ['organisation_key'] }));
    const driver = q.connection.driver;
    for (let after = '';;) {
      const [select, selectParams] = driver.escapeQueryWithParameters(
        `SELECT member_id, destination, organisation_name FROM destination_reports
         WHERE destination = 'further-study' AND organisation_name IS NOT NULL AND member_id > :after
         ORDER BY member_id LIMIT ${BATCH}`,
        { after },
        {},
      );
      const rows: { member_id: string; destination: string; organisation_name: string }[] = await q.query(select, selectParams);
      for (const r of rows) {
        const key = admittedSchoolKey(r.destination, r.organisation_name);
        if (key) await q.query(...driver.escapeQueryWithParameters('UPDATE destination_reports SET organisation_key = :key WHERE member_id = :id', { key, id: r.member_id }, {}));
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].member_id;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('destination_reports', 'IDX_destination_reports_key');
    await q.dropColumn('destination_reports', 'organisation_key');
  }
}
