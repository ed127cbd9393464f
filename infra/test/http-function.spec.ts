import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBundles, FUNCTIONS, FunctionEnv, HttpBundle, json, loadBundle, migratedDatabase, nodeRequire, tencentEvent, useFunctionEnv } from './bundles';

/**
 * The HTTP cloud function as the platform runs it: dist/functions/http.js loaded by Node's own
 * require, `handler(event, context)` called with API-gateway events, on a database that the
 * deploy step (migrate.js) created. The same smoke as the server's e2e suite, through the bundle.
 */

const graduate = { idNumber: '420111200201101019', id: 'm-cs2201-1', name: '李明' };
const NEW_PASSWORD = 'Xj!bundle#2026';

describe('http.js, the API-gateway function', () => {
  let db: FunctionEnv;
  let fn: HttpBundle;
  let restoreEnv = () => {};

  beforeAll(() => {
    ensureBundles();
    db = migratedDatabase();
    // The function reads its configuration from the environment, as on SCF.
    restoreEnv = useFunctionEnv(db.env);
    fn = loadBundle<HttpBundle>('http');
  }, 180_000);

  afterAll(async () => {
    await fn?.close();
    restoreEnv();
    db?.dispose();
  });

  const dbEnv = () => ({ NODE_ENV: db.env.NODE_ENV, DATABASE_URL: db.env.DATABASE_URL, XJ_TOKEN_SECRET: db.env.XJ_TOKEN_SECRET });
  const context = () => ({ callbackWaitsForEmptyEventLoop: true, request_id: 'test', memory_limit_in_mb: 512, time_limit_in_ms: 10_000 });

  it('answers GET /api/v1/health from a Tencent API-gateway event, and leaves the event loop alone', async () => {
    const ctx = context();
    const r = await fn.handler(tencentEvent('GET', '/api/v1/health'), ctx);
    expect(r).toMatchObject({ statusCode: 200, isBase64Encoded: false });
    expect(r.headers['content-type']).toMatch(/application\/json/);
    expect(json(r)).toEqual({ status: 'ok' });
    expect(ctx.callbackWaitsForEmptyEventLoop).toBe(false);
  });

  let token = '';

  it('logs in with a JSON body, then changes the password with a base64-encoded body', async () => {
    const login = await fn.handler(tencentEvent('POST', '/api/v1/auth/login', { body: { idNumber: graduate.idNumber, password: graduate.idNumber.slice(-8) } }), context());
    expect(login.statusCode).toBe(200);
    const body = json(login);
    expect(body).toMatchObject({ token: expect.any(String), mustChangePassword: true, user: { id: graduate.id, name: graduate.name } });
    token = body.token;

    const blocked = await fn.handler(tencentEvent('GET', '/api/v1/orgs', { token }), context());
    expect(blocked.statusCode).toBe(403);
    expect(json(blocked)).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });

    const change = await fn.handler(
      tencentEvent('POST', '/api/v1/auth/change-password', { token, base64: true, body: { oldPassword: graduate.idNumber.slice(-8), newPassword: NEW_PASSWORD } }),
      context(),
    );
    expect(change.statusCode).toBe(204);
    expect(change.body).toBe('');
  });

  it('lists orgs with a token: roots, then children through the query string', async () => {
    const roots = await fn.handler(tencentEvent('GET', '/api/v1/orgs', { token }), context());
    expect(roots.statusCode).toBe(200);
    const rootIds = (json<{ id: string }[]>(roots)).map((o) => o.id);
    expect(rootIds).toEqual(expect.arrayContaining(['hubei', 'beijing']));

    const children = await fn.handler(tencentEvent('GET', '/api/v1/orgs', { token, query: { parentId: 'hubei' } }), context());
    expect(children.statusCode).toBe(200);
    expect(json<{ id: string }[]>(children).map((o) => o.id)).toContain('wuhan');

    const search = await fn.handler(tencentEvent('GET', '/api/v1/orgs', { token, query: { q: '洪山' } }), context());
    expect(search.statusCode).toBe(200);
    expect(json<{ name: string }[]>(search).every((o) => o.name.includes('洪山'))).toBe(true);
  });

  it('still validates DTOs in the bundle: an unknown field is refused with 400 VALIDATION_FAILED', async () => {
    // The esbuild trap: without decorator metadata the ValidationPipe silently lets this through.
    const r = await fn.handler(tencentEvent('POST', '/api/v1/auth/login', { body: { idNumber: graduate.idNumber, password: 'x', isAdmin: true } }), context());
    expect(r.statusCode).toBe(400);
    expect(json(r)).toMatchObject({ code: 'VALIDATION_FAILED', errors: expect.arrayContaining([{ field: 'isAdmin', message: expect.any(String) }]) });

    const query = await fn.handler(tencentEvent('GET', '/api/v1/orgs', { token, query: { parentId: 'hubei', sort: 'name' } }), context());
    expect(query.statusCode).toBe(400);
    expect(json(query)).toMatchObject({ code: 'VALIDATION_FAILED' });

    const wrongType = await fn.handler(tencentEvent('POST', '/api/v1/auth/login', { body: { idNumber: 42, password: 'x' } }), context());
    expect(wrongType.statusCode).toBe(400);
    expect(json(wrongType).errors.map((e: { field: string }) => e.field)).toContain('idNumber');
  });

  it('serves the admin side too: progress, inbox, roster, reminders', async () => {
    const admin = { idNumber: '420102198802025027' }; // 王老师, the college's admin
    const login = json(await fn.handler(tencentEvent('POST', '/api/v1/auth/login', { body: { idNumber: admin.idNumber, password: admin.idNumber.slice(-8) } }), context()));
    const token = login.token as string;
    const changed = await fn.handler(tencentEvent('POST', '/api/v1/auth/change-password', { token, body: { oldPassword: admin.idNumber.slice(-8), newPassword: 'Xj!admin#2026' } }), context());
    expect(changed.statusCode).toBe(204);
    const progress = await fn.handler(tencentEvent('GET', '/api/v1/orgs/chutian-cs/progress', { token, query: { year: '2026' } }), context());
    expect(progress.statusCode).toBe(200);
    expect(json(progress)).toMatchObject({ graduates: expect.any(Number), startedRate: expect.any(Number) });
    const inbox = await fn.handler(tencentEvent('GET', '/api/v1/transfers', { token, query: { box: 'outgoing' } }), context());
    expect(inbox.statusCode).toBe(200);
    const roster = await fn.handler(tencentEvent('GET', '/api/v1/members', { token, query: { orgId: 'chutian-cs' } }), context());
    expect(roster.statusCode).toBeLessThan(500);
    const reminders = await fn.handler(tencentEvent('POST', '/api/v1/reminders', { token, body: { memberIds: ['m-cs2201-3'] } }), context());
    expect([200, 201]).toContain(reminders.statusCode);
    expect(json(reminders)[0]).toMatchObject({ memberId: 'm-cs2201-3', token: expect.any(String), url: expect.stringContaining('https://xj.example.cn') });
  });

  it('refuses a missing or bad token with 401 in the contract shape', async () => {
    const none = await fn.handler(tencentEvent('GET', '/api/v1/orgs'), context());
    expect(none.statusCode).toBe(401);
    expect(json(none)).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String) });
    const bad = await fn.handler(tencentEvent('GET', '/api/v1/orgs', { token: 'not.a.token' }), context());
    expect(bad.statusCode).toBe(401);
  });

  it('answers CloudBase / AWS v1 events, with multi-value query strings and headers', async () => {
    const r = await fn.handler(
      {
        resource: '/{proxy+}',
        path: '/api/v1/orgs',
        httpMethod: 'GET',
        headers: { 'Content-Type': 'application/json' },
        multiValueHeaders: { Authorization: [`Bearer ${token}`], Accept: ['application/json'] },
        queryStringParameters: { parentId: 'hubei' },
        multiValueQueryStringParameters: { parentId: ['hubei'] },
        requestContext: { requestId: 'v1', identity: { sourceIp: '10.1.2.3' }, stage: 'prod' },
        body: null,
        isBase64Encoded: false,
      },
      context(),
    );
    expect(r.statusCode).toBe(200);
    expect(json<{ id: string }[]>(r).map((o) => o.id)).toContain('wuhan');
    expect(r.multiValueHeaders?.['content-type']?.[0]).toMatch(/application\/json/);
  });

  it('answers AWS HTTP API (v2) events: rawPath, rawQueryString, base64 body', async () => {
    const health = await fn.handler({ version: '2.0', rawPath: '/api/v1/health', rawQueryString: '', headers: {}, requestContext: { http: { method: 'GET', path: '/api/v1/health', sourceIp: '10.0.0.9' } }, isBase64Encoded: false }, context());
    expect(json(health)).toEqual({ status: 'ok' });
    const orgs = await fn.handler(
      { version: '2.0', rawPath: '/api/v1/orgs', rawQueryString: `parentId=hubei&q=${encodeURIComponent('武汉')}`, headers: { authorization: `Bearer ${token}` }, cookies: ['a=1'], requestContext: { http: { method: 'GET' } }, isBase64Encoded: false },
      context(),
    );
    expect(orgs.statusCode).toBe(200);
    const login = await fn.handler(
      {
        version: '2.0',
        rawPath: '/api/v1/auth/login',
        rawQueryString: '',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify({ idNumber: graduate.idNumber, password: NEW_PASSWORD })).toString('base64'),
        isBase64Encoded: true,
        requestContext: { http: { method: 'POST' } },
      },
      context(),
    );
    expect(login.statusCode).toBe(200);
    expect(json(login).mustChangePassword).toBe(false);
  });

  it('answers an unknown route with 404 and a non-gateway event with 400; a timer event only warms up', async () => {
    const missing = await fn.handler(tencentEvent('GET', '/api/v1/no-such-thing', { token }), context());
    expect(missing.statusCode).toBe(404);
    const odd = await fn.handler({ hello: 'world' }, context());
    expect(odd.statusCode).toBe(400);
    expect(json(odd)).toMatchObject({ code: 'UNSUPPORTED_EVENT' });
    expect(await fn.handler({ Type: 'Timer', TriggerName: 'keep-warm', Time: '2026-07-01T02:00:00Z', Message: '' }, context())).toEqual({ warm: true });
  });

  it('reports its runtime and the code cache on a direct status invocation', async () => {
    const status = (await fn.handler({ xianjie: 'status' }, context())) as unknown as Record<string, unknown>;
    expect(status).toMatchObject({ node: expect.stringMatching(/^v20\./), codeCache: 'used', appReadyMs: expect.any(Number) });
  });

  it('keeps its code cache when the runtime starts node with a heap size', () => {
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=384', '-e', `require(${JSON.stringify(join(FUNCTIONS, 'http.js'))}).handler({ xianjie: 'status' }, {}).then((s) => { console.log(JSON.stringify(s)); process.exit(0); })`],
      { env: { ...process.env, ...dbEnv() }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(r.stderr).not.toContain('does not fit');
    expect(JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}')).toMatchObject({ codeCache: 'used' });
  });

  it('never migrates at cold start: on an empty database it starts and leaves the schema alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xj-empty-'));
    try {
      const file = join(dir, 'empty.db');
      const r = spawnSync(
        process.execPath,
        ['-e', `require(${JSON.stringify(join(FUNCTIONS, 'http.js'))}).handler(${JSON.stringify(tencentEvent('GET', '/api/v1/health'))}, {}).then((r) => { console.log(r.statusCode); process.exit(0); })`],
        { env: { ...process.env, ...dbEnv(), DATABASE_URL: `sqlite:${file}` }, encoding: 'utf8', timeout: 30_000 },
      );
      expect(r.stdout.trim()).toBe('200');
      const Database = nodeRequire('better-sqlite3') as new (f: string) => { prepare(sql: string): { all(): { name: string }[] }; close(): void };
      const sqlite = new Database(file);
      expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
      sqlite.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 quickly when the database is down, stays alive, and tries again on the next request', () => {
    const file = JSON.stringify(join(FUNCTIONS, 'http.js'));
    const event = JSON.stringify(tencentEvent('GET', '/api/v1/health'));
    const started = Date.now();
    const r = spawnSync(
      process.execPath,
      ['-e', `const f = require(${file}); (async () => { for (let i = 0; i < 2; i++) console.log((await f.handler(${event}, {})).statusCode); process.exit(0); })();`],
      { env: { ...process.env, ...dbEnv(), DATABASE_URL: 'postgres://xianjie@127.0.0.1:1/xianjie' }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(r.stdout.split('\n').filter((l) => /^\d{3}$/.test(l))).toEqual(['503', '503']);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.stderr).toMatch(/could not start/);
  });

  it('answers 503 in the contract shape when the app cannot start, and says why in the log', () => {
    const event = JSON.stringify(tencentEvent('GET', '/api/v1/health'));
    const r = spawnSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(join(FUNCTIONS, 'http.js'))}).handler(${event}, {}).then((r) => { console.log(JSON.stringify(r)); process.exit(0); })`],
      { env: { PATH: process.env.PATH, NODE_ENV: 'production', XJ_TOKEN_SECRET: 'f'.repeat(48) }, encoding: 'utf8', timeout: 30_000 },
    );
    const result = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
    expect(result.statusCode).toBe(503);
    expect(json(result)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(r.stderr).toMatch(/DATABASE_URL is required/);
  });
});
