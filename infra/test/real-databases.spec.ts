import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { testDatabases } from '../../apps/api/test/databases';
import { FUNCTIONS, HttpBundle, json, loadBundle, SweepBundle, tencentEvent, TOKEN_SECRET, useFunctionEnv } from './bundles';

/**
 * The bundles on every database the API's e2e suites use: SQLite always, and the ones a school
 * deploys on — TencentDB PostgreSQL and MySQL — when XJ_TEST_POSTGRES_URL / XJ_TEST_MYSQL_URL are
 * set (as in CI). The drivers are bundled too, and a driver's dynamic require that esbuild cannot
 * see would only show here.
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('the bundles on %s', (_name, db) => {
  let drop = async () => {};
  let http: HttpBundle;
  let sweep: SweepBundle;
  let restoreEnv = () => {};

  beforeAll(async () => {
    const created = await db.create();
    drop = created.drop;
    const url = created.config.type === 'sqlite' ? `sqlite:${created.config.path}` : created.config.url;
    const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, XJ_TOKEN_SECRET: TOKEN_SECRET, XJ_PUBLIC_URL: 'https://xj.example.cn' };
    execFileSync(process.execPath, [join(FUNCTIONS, 'migrate.js'), '--seed-demo'], { env, stdio: 'pipe' });
    restoreEnv = useFunctionEnv(env);
    http = loadBundle<HttpBundle>('http');
    sweep = loadBundle<SweepBundle>('sweep');
  }, 120_000);

  afterAll(async () => {
    await http?.close();
    await sweep?.close();
    restoreEnv();
    await drop();
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
