#!/usr/bin/env node
// Lookups by name at national scale, through the server `npm start` runs, on PostgreSQL (the
// production database): each request is timed alone (median of XJ_BENCH_RUNS, 11), as one user
// feels it. Prints figures; never fails on timing.
//  - the org picker's search, GET /api/v1/orgs?q=, among XJ_BENCH_ORGS (1,000,000) orgs: a name
//    anywhere in the org's name, as the graduate types. With the name-bigram index
//    (migration 1765001800000, orgs/name-bigrams.ts); and the search's statement at the database,
//    with the index's clause and as it was before (the LIKE alone, every org read).
//  - a school's new-students waiting list, GET /api/v1/transfers/pull-in/waiting, among
//    XJ_BENCH_REPORTS (300,000) further-study destination reports, 300 of which name the school:
//    found by the admitted school's stored key (migration 1765001600000); the earlier code read
//    every further-study report into Node (2.26 s and 300,000 rows at this size, measured once
//    before the change).
const http = require('node:http');
const { cpus, loadavg } = require('node:os');
const { api, createDatabase, ensureApiBuilt, reachable } = require('./lib/databases');
const { startServer, stopServer, tokenFor } = require('./lib/api-server');

const ORGS = Number(process.env.XJ_BENCH_ORGS || 1_000_000);
const REPORTS = Number(process.env.XJ_BENCH_REPORTS || 300_000);
const RUNS = Number(process.env.XJ_BENCH_RUNS || 11);
/**
 * Org names: a two-character place (one of FIRST × SECOND, 1,380 of them), a number and a kind of
 * org, so a place matches ≈ 1 org in 1,380 and a kind ≈ 1 in 6.
 */
const FIRST = '关珞卓洪江武汉青光东楚黄鄂荆襄宜孝咸随恩仙天潜神宁杭苏锡常镇扬泰徐淮盐连宿温嘉湖绍金衢舟台丽';
const SECOND = '山喻泉河湾昌阳州口岭城林桥沙坪溪门港源田川原丘塘岗庄湖峰谷堤';
const PLACES = [...FIRST].length * [...SECOND].length;
/**
 * Searches as a graduate types a name: the place (two characters, as a pinyin IME commits them),
 * one more character, more, the whole name; a miss; and a kind alone, which matches a sixth of all orgs.
 */
const SEARCHES = ['关山', '关山3', '关山304', '关山304街道团工委', '不存在的组织', '街道团工委'];
const SCHOOL_TYPED = '楚天大学'; // names the demo's 楚天大学团委, whose new-students org is 楚天大学研究生新生团总支

function get(port, path, token) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request({ port, host: '127.0.0.1', path, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${path}: ${res.statusCode} ${body.slice(0, 300)}`));
        const total = res.headers['x-total-count'];
        resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, rows: JSON.parse(body).length, total: total === undefined ? null : Number(total) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Median time of RUNS requests after one unmeasured (warm caches, as a busy server's are). */
async function median(port, path, token) {
  let last = await get(port, path, token);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    last = await get(port, path, token);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], rows: last.rows, total: last.total };
}

/** The national tree's bulk, beside the demo's: orgs under 31 fake provinces, graduates in some of them with their destination reports. */
async function fill(url) {
  const { Client } = require('pg');
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    // As the migration builds it over a country's existing orgs: in one pass after they are in
    // (inserting a million into the live index would take ≈ 40 s more, and is not what is measured).
    const [{ def }] = (await c.query(`SELECT pg_get_indexdef('"IDX_orgs_name_bigrams"'::regclass) AS def`)).rows;
    await c.query('DROP INDEX "IDX_orgs_name_bigrams"');
    const at = "'2026-01-01T00:00:00.000Z'";
    await c.query(`INSERT INTO orgs (id, name, kind, parent_id, domain, province, path, depth, created_at)
      SELECT 'zo' || g, substr('${FIRST}', g % ${[...FIRST].length} + 1, 1) || substr('${SECOND}', (g / ${[...FIRST].length}) % ${[...SECOND].length} + 1, 1)
          || (g % 997) || (ARRAY['街道团工委','大学团委','公司团委','学院团总支','社区团支部','村团支部'])[(g / ${PLACES}) % 6 + 1],
        'branch', NULL, 'enterprise', 'zp' || (g % 31), '/zp' || (g % 31) || '/zc' || (g % 3000) || '/zo' || g || '/', 3, ${at}
      FROM generate_series(1, ${ORGS}) g`);
    await c.query(`INSERT INTO people (id, name, id_number, phone, must_change_password, failed_logins, token_version, created_at)
      SELECT 'zm' || g, '毕业生' || g, 'Z' || lpad(g::text, 17, '0'), '19' || lpad(g::text, 9, '0'), false, 0, 0, ${at} FROM generate_series(1, ${REPORTS}) g`);
    await c.query(`INSERT INTO memberships (person_id, org_id, place, graduation_year, graduating_org_id, is_graduate, is_league_member, updated_at)
      SELECT 'zm' || g, 'zo' || (g % ${Math.min(ORGS, 5000)} + 1), 'branch', 2026, 'zo' || (g % ${Math.min(ORGS, 5000)} + 1), true, true, ${at} FROM generate_series(1, ${REPORTS}) g`);
    // One in a thousand names 楚天大学; the rest a thousand other schools. The names carry no
    // punctuation or league suffix, so each one's key is the name itself.
    await c.query(`INSERT INTO destination_reports (member_id, destination, organisation_name, organisation_key, updated_at)
      SELECT 'zm' || g, 'further-study', n, n, ${at}
      FROM (SELECT g, CASE WHEN g % 1000 = 0 THEN '${SCHOOL_TYPED}' ELSE '学校' || (g % 1000) || '大学' END AS n FROM generate_series(1, ${REPORTS}) g) s`);
    await c.query(def);
    // The demo's accounts wait for a first password change; the school's admin has done it.
    await c.query("UPDATE people SET must_change_password = false WHERE id = 'a-chutian'");
    await c.query('ANALYZE');
  } finally {
    await c.end();
  }
}

/**
 * The search's statement itself, as orgs.service.ts sends it, timed at the database (median of RUNS
 * after one unmeasured): the LIKE alone (the search before the index) and with the bigram clause.
 */
async function searchStatements(url) {
  const { Client } = require('pg');
  const { likeContains, LIKE_ESCAPE } = api('common/sql.js');
  const { NAME_BIGRAMS, nameBigrams } = api('orgs/name-bigrams.js');
  const c = new Client({ connectionString: url });
  await c.connect();
  const time = async (where, params) => {
    const sql = `SELECT * FROM orgs o WHERE o.name LIKE $1 ${LIKE_ESCAPE} AND o.deleted_at IS NULL${where} ORDER BY o.depth, o.name LIMIT 50`;
    const times = [];
    for (let i = 0; i <= RUNS; i++) {
      const t0 = process.hrtime.bigint();
      await c.query(sql, params);
      if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  };
  try {
    const out = {};
    for (const q of SEARCHES) {
      out[q] = {
        likeOnly: await time('', [likeContains(q)]),
        bigrams: await time(` AND ${NAME_BIGRAMS}(o.name) @> CAST($2 AS text[])`, [likeContains(q), nameBigrams(q)]),
      };
    }
    return out;
  } finally {
    await c.end();
  }
}

async function main() {
  if (!(await reachable('postgres'))) {
    console.log('postgres: not reachable, skipped');
    return;
  }
  ensureApiBuilt();
  console.log(`PostgreSQL, ${ORGS.toLocaleString('en')} orgs and ${REPORTS.toLocaleString('en')} further-study reports beside the demo tree; median of ${RUNS} requests each, one at a time`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  const db = await createDatabase('postgres', 'lookups');
  const port = 39700 + (process.pid % 200);
  let server;
  try {
    server = await startServer(db.url, port); // migrates and seeds the demo tree, as `npm start` does
    await fill(db.url);
    const graduate = tokenFor('zm1');
    const school = tokenFor('a-chutian');
    const viaApi = {};
    for (const q of SEARCHES) viaApi[q] = await median(port, `/api/v1/orgs?q=${encodeURIComponent(q)}`, graduate);
    const statements = await searchStatements(db.url);
    const waiting = await median(port, '/api/v1/transfers/pull-in/waiting', school);

    for (const q of SEARCHES) {
      const { likeOnly, bigrams } = statements[q];
      console.log(
        `org search ${`"${q}"`.padEnd(14)} (${[...q].length} chars, ${String(viaApi[q].rows).padStart(2)} shown): GET /orgs ${viaApi[q].ms.toFixed(1).padStart(6)} ms;` +
          ` its statement ${bigrams.toFixed(1).padStart(6)} ms, the LIKE alone (before) ${likeOnly.toFixed(1).padStart(6)} ms (${(likeOnly / bigrams).toFixed(1)}×)`,
      );
    }
    console.log(
      `new-students waiting list (${waiting.total} waiting among ${REPORTS.toLocaleString('en')} reports, the first page of ${waiting.rows}): GET /transfers/pull-in/waiting ${waiting.ms.toFixed(1)} ms`,
    );
  } finally {
    if (server) await stopServer(server);
    await db.drop();
  }
}

main().then(() => console.log(`load average after ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)).catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
