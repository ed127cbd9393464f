import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The org picker's search (`orgs.name LIKE '%…%'`) read every org on PostgreSQL: ≈ 200 ms at a
 * million orgs, on three processes, for each pause in the typing. A GIN index on the set of each
 * name's two-character pieces answers it (orgs/name-bigrams.ts says how; the function here and
 * `nameBigrams` there must cut alike). PostgreSQL only, the production database; MySQL and SQLite
 * keep scanning.
 *
 * The function is IMMUTABLE (its answer depends on its argument alone), as an index expression
 * must be; plain SQL, no extension needed. `fastupdate = off`: with GIN's default, new orgs wait in
 * a pending list that every search reads in full until a vacuum merges it — after importing 20,000
 * orgs a search took 43 ms instead of 0.3. Orgs are written by imports, rarely; searched all season.
 * Off, an org costs ≈ 40 µs more to insert (20,000: 1.05 s against 0.28 s without the index).
 */
export class OrgNameBigramIndex1765001800000 implements MigrationInterface {
  name = 'OrgNameBigramIndex1765001800000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query(`CREATE FUNCTION xj_name_bigrams(name text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
      $$ SELECT COALESCE(array_agg(DISTINCT substr(name, i, 2)), '{}') FROM generate_series(1, char_length(name) - 1) AS i $$`);
    await q.query('CREATE INDEX "IDX_orgs_name_bigrams" ON "orgs" USING gin (xj_name_bigrams("name")) WITH (fastupdate = off)');
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query('DROP INDEX "IDX_orgs_name_bigrams"');
    await q.query('DROP FUNCTION xj_name_bigrams(text)');
  }
}
