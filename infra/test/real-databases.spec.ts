import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { FUNCTIONS, HttpBundle, json, loadBundle, SweepBundle, tencentEvent, TOKEN_SECRET, useFunctionEnv } from './bundles';

/**
 * The bundles on the databases a school deploys on — TencentDB PostgreSQL and MySQL — when
 * XJ_TEST_POSTGRES_URL / XJ_TEST_MYSQL_URL are set (as in CI): the drivers are bundled too, and a
 * driver's dynamic require that esbuild cannot see would only show here.
 */
interface Server {
  name: string;
  admin: string;
  create(name: string): Promise<void>;
  drop(name: string): Promise<void>;
}

const withDatabase = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

const servers: Server[] = [];
if (process.env.XJ_TEST_POSTGRES_URL) {
  const admin = process.env.XJ_TEST_POSTGRES_URL;
  const run = async (sql: string) => {
    const { Client } = await import('pg');
    const c = new Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  servers.push({ name: 'postgres', admin, create: (n) => run(`CREATE DATABASE ${n}`), drop: (n) => run(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`) });
}
if (process.env.XJ_TEST_MYSQL_URL) {
  const admin = process.env.XJ_TEST_MYSQL_URL;
  const run = async (sql: string) => {
    const { createConnection } = await import('mysql2/promise');
    const c = await createConnection(admin);
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  servers.push({ name: 'mysql', admin, create: (n) => run(`CREATE DATABASE ${n} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`), drop: (n) => run(`DROP DATABASE IF EXISTS ${n}`) });
}

const describeEach = servers.length ? describe.each(servers.map((s) => [s.name, s] as const)) : describe.skip.each([['(no XJ_TEST_POSTGRES_URL / XJ_TEST_MYSQL_URL)', null as unknown as Server]]);

describeEach('the bundles on %s', (_name, server) => {
  const dbName = `xj_fn_${randomBytes(4).toString('hex')}`;
  let http: HttpBundle;
  let sweep: SweepBundle;
  let restoreEnv = () => {};

  beforeAll(async () => {
    await server.create(dbName);
    const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: withDatabase(server.admin, dbName), XJ_TOKEN_SECRET: TOKEN_SECRET, XJ_PUBLIC_URL: 'https://xj.example.cn' };
    execFileSync(process.execPath, [join(FUNCTIONS, 'migrate.js'), '--seed-demo'], { env, stdio: 'pipe' });
    restoreEnv = useFunctionEnv(env);
    http = loadBundle<HttpBundle>('http');
    sweep = loadBundle<SweepBundle>('sweep');
  }, 120_000);

  afterAll(async () => {
    await http?.close();
    await sweep?.close();
    restoreEnv();
    await server.drop(dbName);
  });

  it('answers health, logs in, lists orgs, validates, and sweeps', async () => {
    expect(json(await http.handler(tencentEvent('GET', '/api/v1/health'), {}))).toEqual({ status: 'ok' });
    const login = await http.handler(tencentEvent('POST', '/api/v1/auth/login', { body: { idNumber: '42010219850101501X', password: '0101501X' } }), {});
    expect(login.statusCode).toBe(200);
    const token = json(login).token;
    const me = await http.handler(tencentEvent('GET', '/api/v1/me', { token }), {});
    expect(json(me)).toMatchObject({ id: 'a-chutian', name: '林书记' });
    const bad = await http.handler(tencentEvent('POST', '/api/v1/auth/login', { body: { idNumber: '42010219850101501X', password: 'x', role: 'admin' } }), {});
    expect(json(bad)).toMatchObject({ code: 'VALIDATION_FAILED' });
    const report = await sweep.handler({ Type: 'Timer', TriggerName: 'hourly-sweep', Time: '2026-07-01T02:00:00Z', Message: '' }, {});
    expect(report.at).toBe('2026-07-01T02:00:00.000Z');
  });
});
