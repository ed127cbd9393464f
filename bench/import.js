#!/usr/bin/env node
// A school's roster as Excel: a 20,000-member workbook (one university, 20 colleges, 400 class
// branches) imported through `npm run import` — the CLI path, migrations and Nest start included —
// on a fresh SQLite file and, when XJ_TEST_POSTGRES_URL is set, a fresh PostgreSQL database.
// Prints seconds (and CPU seconds) and the CLI process's peak RSS for the first run and for the idempotent re-run.
// Goal (issue #11): under 30 s and under 300 MB. Prints, never fails on timing.
const { execFileSync, spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const MEMBERS = Number(process.env.XJ_BENCH_IMPORT_MEMBERS || 20000);
const COLLEGES = 20;
const BRANCHES = 400;

/** A valid GB 11643 ID number for the n-th bench member. */
function idNumber(n, region = '420111') {
  const body = `${region}${2000 + (n % 6)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Streams the workbook to disk (Chinese sheets and headers, as a school would keep it). */
async function writeWorkbook(path) {
  const ExcelJS = require(require.resolve('exceljs', { paths: [join(ROOT, 'apps', 'api')] }));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const orgs = book.addWorksheet('组织');
  orgs.addRow(['编号', '名称', '组织类型', '上级组织编号', '行业类别', '省份', '用途']).commit();
  orgs.addRow(['b-hubei', '共青团湖北省委', '团的领导机关', '', '机关事业单位', '湖北省', '']).commit();
  orgs.addRow(['b-uni', '荆楚大学团委', '团委', 'b-hubei', '学校', '湖北省', '']).commit();
  for (let c = 0; c < COLLEGES; c++) orgs.addRow([`b-c${c}`, `荆楚大学第${c + 1}学院团委`, '团委', 'b-uni', '学校', '湖北省', '']).commit();
  for (let b = 0; b < BRANCHES; b++) orgs.addRow([`b-c${b % COLLEGES}-${b}`, `第${b + 1}班团支部`, '团支部', `b-c${b % COLLEGES}`, '学校', '湖北省', '班级团支部']).commit();
  orgs.commit();
  const members = book.addWorksheet('团员');
  members.addRow(['编号', '姓名', '身份证号', '手机号', '所在团支部编号', '毕业年份', '是否团员']).commit();
  // ID numbers repeat every 1000·6·12·28 members at most; the bench's 20,000 stay distinct by sequence + date.
  const seen = new Set();
  for (let n = 0, made = 0; made < MEMBERS; n++) {
    const id = idNumber(n);
    if (seen.has(id)) continue;
    seen.add(id);
    const b = made % BRANCHES;
    members.addRow([`b-m${made}`, `成员${made}`, id, `139${String(made).padStart(8, '0')}`, `b-c${b % COLLEGES}-${b}`, 2026 + (made % 4), '是']).commit();
    made++;
  }
  members.commit();
  const admins = book.addWorksheet('管理员');
  admins.addRow(['编号', '姓名', '身份证号', '手机号', '管理的组织编号', '角色']).commit();
  for (let c = 0; c < COLLEGES; c++) admins.addRow([`b-a${c}`, `书记${c}`, idNumber(c, '420102'), `137${String(c).padStart(8, '0')}`, `b-c${c}`, '组织管理员']).commit();
  admins.commit();
  await book.commit();
}

/** Runs `npm run import` as a fresh process; seconds and peak RSS (MB) from the process itself. */
function runImport(file, env) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', join(__dirname, 'lib', 'peak-rss.js'), join(ROOT, 'scripts', 'run-api-cli.js'), 'import', file], { cwd: ROOT, env, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`import failed (${r.status}):\n${r.stdout}\n${r.stderr.slice(0, 4000)}`);
  const rss = /peak-rss-kb=(\d+) cpu-us=(\d+)/.exec(r.stderr);
  const tally = r.stdout.split('\n').filter((l) => /^\s+(orgs|members|admins):/.test(l)).map((l) => l.trim()).join('; ');
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : NaN, cpu: rss ? Number(rss[2]) / 1e6 : NaN, tally };
}

function postgres(adminUrl) {
  const name = `xj_bench_import_${process.pid}`;
  const sql = (q) => execFileSync(process.execPath, ['-e', `const { Client } = require('pg'); const c = new Client({ connectionString: ${JSON.stringify(adminUrl)} }); c.connect().then(() => c.query(${JSON.stringify(q)})).then(() => c.end()).catch((e) => { console.error(e.message); process.exit(1); });`], { cwd: ROOT, stdio: 'pipe' });
  sql(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'xj-bench-import-'));
  try {
    const file = join(dir, 'roster.xlsx');
    await writeWorkbook(file);
    console.log(`workbook: ${MEMBERS} members, ${BRANCHES} branches, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
    const targets = [{ name: 'sqlite', url: `sqlite:${join(dir, 'bench.db')}`, drop: () => undefined }];
    if (process.env.XJ_TEST_POSTGRES_URL) targets.push({ name: 'postgres', ...postgres(process.env.XJ_TEST_POSTGRES_URL) });
    for (const t of targets) {
      try {
        const env = { ...process.env, DATABASE_URL: t.url, XJ_TOKEN_SECRET: 'b'.repeat(48), NODE_ENV: 'production' };
        const first = runImport(file, env);
        const again = runImport(file, env);
        console.log(`${t.name}: first import ${first.seconds.toFixed(1)} s (CPU ${first.cpu.toFixed(1)} s), peak RSS ${first.rssMb.toFixed(0)} MB (${first.tally})`);
        console.log(`${t.name}: re-import   ${again.seconds.toFixed(1)} s (CPU ${again.cpu.toFixed(1)} s), peak RSS ${again.rssMb.toFixed(0)} MB (${again.tally})`);
      } finally {
        t.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
