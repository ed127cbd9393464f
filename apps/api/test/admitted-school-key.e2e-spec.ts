import { migrate } from '../src/database/data-source';
import { testDatabases, undoThrough, useMigratedDatabase } from './databases';

/**
 * A new-students org finds the graduates who named its school by destination_reports'
 * organisation_key (indexed), not by reading every further-study report. The migration that added
 * the key gives reports saved before it theirs, in batches: more rows here than one batch holds.
 */
const MIGRATION = 'AdmittedSchoolKey1765001600000';
const MANY = 1_234;

describe.each(testDatabases().map((d) => [d.name, d] as const))('the admitted-school key on %s', (_name, db) => {
  const database = useMigratedDatabase(db);

  const insertReports = async (rows: [string, string, string | null][]) => {
    const ds = database();
    for (let i = 0; i < rows.length; i += 200) {
      const params: Record<string, string | null> = {};
      const values = rows.slice(i, i + 200).map(([id, destination, name], j) => {
        Object.assign(params, { [`id${j}`]: id, [`d${j}`]: destination, [`n${j}`]: name });
        return `(:id${j}, :d${j}, :n${j}, '2026-06-01T00:00:00.000Z')`;
      });
      await ds.query(...ds.driver.escapeQueryWithParameters(`INSERT INTO destination_reports (member_id, destination, organisation_name, updated_at) VALUES ${values.join(', ')}`, params, {}));
    }
  };
  const keys = async () => {
    const ds = database();
    const rows: { member_id: string; organisation_key: string | null }[] = await ds.query('SELECT member_id, organisation_key FROM destination_reports');
    return new Map(rows.map((r) => [r.member_id, r.organisation_key]));
  };
  const indexed = async () => {
    const qr = database().createQueryRunner();
    try {
      return (await qr.getTable('destination_reports'))!.indices.some((i) => i.columnNames.join() === 'organisation_key');
    } finally {
      await qr.release();
    }
  };

  it('is indexed, and reports saved before the migration get their key from it; down drops it', async () => {
    const ds = database();
    expect(await indexed()).toBe(true);
    await undoThrough(ds, MIGRATION);
    expect(await indexed()).toBe(false);

    await insertReports([
      ['r-league', 'further-study', '共青团江城工业大学委员会'],
      ['r-wide', 'further-study', '　江城工业大学（ ）'],
      ['r-employed', 'employed', '江城工业大学'],
      ['r-blank', 'further-study', null],
      ['r-short', 'further-study', '团委'],
      ...Array.from({ length: MANY }, (_, i): [string, string, string] => [`r-many-${String(i).padStart(5, '0')}`, 'further-study', `楚天大学 ${i % 3 ? '' : '研究生院'}`]),
    ]);
    await migrate(ds);

    const got = await keys();
    expect(Object.fromEntries(['r-league', 'r-wide', 'r-employed', 'r-blank', 'r-short'].map((id) => [id, got.get(id)]))).toEqual({
      'r-league': '江城工业大学', 'r-wide': '江城工业大学', 'r-employed': null, 'r-blank': null, 'r-short': null,
    });
    const many = [...got].filter(([id]) => id.startsWith('r-many-'));
    expect(many).toHaveLength(MANY);
    expect(many.filter(([, key]) => key === '楚天大学')).toHaveLength(MANY - Math.ceil(MANY / 3));
    expect(many.filter(([, key]) => key === '楚天大学研究生院')).toHaveLength(Math.ceil(MANY / 3));
    expect(await indexed()).toBe(true);
  });
});
