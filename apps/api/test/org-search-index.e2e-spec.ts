import type { DataSource } from 'typeorm';
import { LIKE_ESCAPE, likeContains } from '../src/common/sql';
import { createDataSource, migrate } from '../src/database/data-source';
import { NAME_BIGRAMS, nameBigrams } from '../src/orgs/name-bigrams';
import { freshName, runOnPostgres, undoThrough, withDatabase } from './databases';

/**
 * The org picker's search, `name LIKE '%…%'`, read every org on each pause in the typing. On
 * PostgreSQL the orgs' name bigrams are indexed and the search (orgs.service.ts) asks for the
 * candidates that hold all of its bigrams: two-character searches included, the answers the same
 * as the LIKE's alone. PostgreSQL only, and only when CI gives us a server.
 */
const admin = process.env.XJ_TEST_POSTGRES_URL;
const onPostgres = admin ? describe : describe.skip;

/** The search's own WHERE, as orgs.service.ts builds it. */
const WHERE = `name LIKE $1 ${LIKE_ESCAPE} AND deleted_at IS NULL AND ${NAME_BIGRAMS}(name) @> CAST($2 AS text[])`;
const args = (q: string) => [likeContains(q), nameBigrams(q)];

onPostgres('the org name search on PostgreSQL', () => {
  const name = freshName();
  const run = (sql: string) => runOnPostgres(admin!, sql);
  let ds: DataSource;

  beforeAll(async () => {
    await run(`CREATE DATABASE ${name}`);
    ds = createDataSource({ type: 'postgres', url: withDatabase(admin!, name) });
    await ds.initialize();
    await migrate(ds);
    await ds.query(
      `INSERT INTO orgs (id, name, kind, parent_id, domain, province, path, depth, created_at)
       SELECT 'o' || g, (ARRAY['关山', '珞喻', '卓刀泉', '50%达标', '𠮷野_'])[g % 5 + 1] || g || '街道团工委', 'branch', NULL, 'school', 'hubei', '/o' || g || '/', 1, '2026-01-01T00:00:00.000Z'
       FROM generate_series(1, 3000) AS g`,
    );
    await ds.query('ANALYZE orgs');
  });
  afterAll(async () => {
    await ds?.destroy();
    await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  const plan = async (q: string) => {
    const qr = ds.createQueryRunner();
    try {
      await qr.query('SET enable_seqscan = off');
      const rows: { 'QUERY PLAN': string }[] = await qr.query(`EXPLAIN SELECT id FROM orgs WHERE ${WHERE}`, args(q));
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await qr.release();
    }
  };
  const ids = async (where: string, params: unknown[]) =>
    ((await ds.query(`SELECT id FROM orgs WHERE ${where} ORDER BY id`, params)) as { id: string }[]).map((r) => r.id);

  it('cuts a name into the same bigrams as the API does, astral characters and wildcards included', async () => {
    for (const text of ['关山街道团工委', '卓刀泉', '关山', '关', '', '𠮷野家团支部', '50%_!达标', '𠮷𠮷𠮷']) {
      const [{ grams }]: { grams: string[] }[] = await ds.query(`SELECT ${NAME_BIGRAMS}($1) AS grams`, [text]);
      expect({ text, grams: [...grams].sort() }).toEqual({ text, grams: nameBigrams(text).sort() });
    }
  });

  it('finds exactly what the LIKE alone finds', async () => {
    for (const q of ['关山', '卓刀泉299', '299街', '50%', '%达', '𠮷野', '野_', '_1', '!', '团工委', '不存在']) {
      if ([...q].length < 2) continue;
      const like = await ids(`name LIKE $1 ${LIKE_ESCAPE} AND deleted_at IS NULL`, [likeContains(q)]);
      expect({ q, found: await ids(WHERE, args(q)) }).toEqual({ q, found: like });
    }
    // 卓刀泉 names are the orgs numbered 2 mod 5: 卓刀泉2992…, 卓刀泉2997…
    expect(await ids(WHERE, args('卓刀泉299'))).toEqual(['o2992', 'o2997']);
  });

  it('answers two-character and longer searches from the index; its migration down leaves a scan', async () => {
    for (const q of ['关山', '卓刀泉299']) expect(await plan(q)).toMatch(/Bitmap Index Scan on "?IDX_orgs_name_bigrams"?/);
    await undoThrough(ds, 'OrgNameBigramIndex1765001800000');
    const without = await ds.query(`SELECT 1 FROM pg_proc WHERE proname = $1`, [NAME_BIGRAMS]);
    expect(without).toEqual([]);
    const indexes: { indexname: string }[] = await ds.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'orgs'`);
    expect(indexes.map((i) => i.indexname)).not.toContain('IDX_orgs_name_bigrams');
    await migrate(ds);
  });
});
