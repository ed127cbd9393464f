#!/usr/bin/env node
// Warm latency of POST /api/v1/transfers through the HTTP cloud function: dist/functions/http.js's
// handler called in-process with Tencent API-gateway events, on a seeded SQLite file (the same
// database code as TencentDB PostgreSQL/MySQL, one writer at a time). A branch secretary starts a
// transfer for each of N graduates imported for the run. Median and p99 over N; prints, never fails on timing.
const { join } = require('node:path');
const { FUNCTIONS, ensureBundles, seededDatabase, median, percentile, apiEvent } = require('./lib/functions');

const N = Number(process.env.XJ_BENCH_TRANSFERS || 400);
const WARMUP = 30;

/** A valid GB 11643 ID number (checksum included) for the n-th bench graduate. */
function idNumber(n) {
  const body = `420111${2003}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

async function main() {
  ensureBundles();
  const db = seededDatabase();
  Object.assign(process.env, db.env);
  const http = require(join(FUNCTIONS, 'http.js'));
  const sweep = require(join(FUNCTIONS, 'sweep.js'));
  const call = async (method, path, opts) => {
    const r = await http.handler(apiEvent(method, path, opts), {});
    return { status: r.statusCode, body: r.body ? JSON.parse(r.isBase64Encoded ? Buffer.from(r.body, 'base64').toString() : r.body) : null };
  };
  /** Logs in with the demo's initial password and makes the forced change. */
  const session = async (id) => {
    const first = await call('POST', '/api/v1/auth/login', { body: { idNumber: id, password: id.slice(-8) } });
    if (first.status !== 200) throw new Error(`login ${id}: ${first.status} ${JSON.stringify(first.body)}`);
    const token = first.body.token;
    const changed = await call('POST', '/api/v1/auth/change-password', { token, body: { oldPassword: id.slice(-8), newPassword: 'Xj!bench#2026' } });
    if (changed.status !== 204) throw new Error(`change-password ${id}: ${changed.status}`);
    return token;
  };
  try {
    // The school admin imports the bench's graduates; the sweep marks them graduated (June 1 passed).
    const school = await session('42010219850101501X');
    const members = Array.from({ length: N + WARMUP }, (_, i) => ({
      id: `bench-${i}`,
      name: `压测${i}`,
      idNumber: idNumber(i),
      phone: `1370000${String(i).padStart(4, '0')}`,
      orgId: 'chutian-cs-2201',
      graduationYear: 2026,
    }));
    const imported = await call('POST', '/api/v1/admin/import', { token: school, body: { orgs: [], members, admins: [] } });
    if (imported.status !== 200) throw new Error(`import: ${imported.status} ${JSON.stringify(imported.body).slice(0, 300)}`);
    await sweep.handler({ Type: 'Timer', TriggerName: 'bench', Time: new Date().toISOString(), Message: '' }, {});

    const secretary = await session('42010220030909503X');
    const start = async (i) => {
      const t0 = process.hrtime.bigint();
      const r = await http.handler(
        apiEvent('POST', '/api/v1/transfers', { token: secretary, body: { memberId: `bench-${i}`, answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'dongfeng' } }),
        {},
      );
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.statusCode !== 201) throw new Error(`POST /transfers bench-${i}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      return ms;
    };
    for (let i = 0; i < WARMUP; i++) await start(i);
    const times = [];
    const began = Date.now();
    for (let i = WARMUP; i < WARMUP + N; i++) times.push(await start(i));
    const elapsed = (Date.now() - began) / 1000;
    console.log(`POST /api/v1/transfers through http.js handler (warm, sequential, SQLite file, ${N} transfers after ${WARMUP} warm-up)`);
    console.log(`  median ${median(times).toFixed(2)} ms   p99 ${percentile(times, 99).toFixed(2)} ms   max ${Math.max(...times).toFixed(2)} ms   (${(N / elapsed).toFixed(0)} transfers/s)`);
  } finally {
    await http.close();
    await sweep.close();
    db.dispose();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
