import { createDataSource, migrate } from '../src/database/data-source';
import { freshName, runOnPostgres, undoThrough, withDatabase } from './databases';

/**
 * "Inside a subtree" is a path prefix (`orgs.path LIKE '/hubei/…/%'`). On a PostgreSQL database
 * whose collation is not C — en-US here, like most production servers — only an index with
 * varchar_pattern_ops can serve that prefix; the migrations must leave one. PostgreSQL only (MySQL's
 * and SQLite's ordinary path index serves the prefix), and only when CI gives us a server.
 */
const admin = process.env.XJ_TEST_POSTGRES_URL;
const onPostgres = admin ? describe : describe.skip;

onPostgres('the subtree prefix on PostgreSQL under a non-C collation', () => {
  const name = freshName();
  const run = (sql: string) => runOnPostgres(admin!, sql);

  beforeAll(() => run(`CREATE DATABASE ${name} LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8' TEMPLATE template0`));
  afterAll(() => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it('answers a subtree from the index, then its migration down leaves only a scan', async () => {
    const ds = createDataSource({ type: 'postgres', url: withDatabase(admin!, name) });
    await ds.initialize();
    try {
      await migrate(ds);
      await ds.query(
        `INSERT INTO orgs (id, name, kind, parent_id, domain, province, path, depth, created_at)
         SELECT 'o' || g, '组织' || g, 'branch', NULL, 'school', 'hubei', '/p' || (g % 50) || '/o' || g || '/', 1, '2026-01-01T00:00:00.000Z'
         FROM generate_series(1, 5000) AS g`,
      );
      await ds.query('ANALYZE orgs');
      const plan = async () => {
        const qr = ds.createQueryRunner();
        try {
          await qr.query('SET enable_seqscan = off');
          const rows: { 'QUERY PLAN': string }[] = await qr.query(`EXPLAIN SELECT id FROM orgs WHERE path LIKE $1 ESCAPE '!'`, ['/p7/%']);
          return rows.map((r) => r['QUERY PLAN']).join('\n');
        } finally {
          await qr.release();
        }
      };
      const withIndex = await plan();
      expect(withIndex).toContain('IDX_orgs_path_pattern');
      expect(withIndex).toMatch(/Index Cond: .*path\)::text ~>=~ '\/p7\/'::text\) AND .*path\)::text ~<~ '\/p70'::text\)/);

      // The proof the test can fail: without it, the plain path index cannot take the prefix.
      await undoThrough(ds, 'OrgPathPatternIndex1765001400000');
      const without = await plan();
      expect(without).not.toContain('IDX_orgs_path_pattern');
      expect(without).not.toMatch(/Index Cond: .*path/);
    } finally {
      await ds.destroy();
    }
  });
});
