import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/time';
import { AppConfig, loadConfig } from '../src/config';
import { createDataSource, migrate } from '../src/database/data-source';
import { DEMO_DATA } from '../src/database/seed';
import { TestDatabase } from './databases';

/** A clock the tests move by hand. */
export class TestClock extends Clock {
  constructor(public current = new Date('2026-07-01T02:00:00.000Z')) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  clock: TestClock;
  request<T = any>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, opts?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string>; remoteAddress?: string }): Promise<Reply<T>>;
  /** Logs in; when the initial password must be changed, changes it to `Xj-<last8>-ok` first. */
  login(idNumber: string): Promise<string>;
  close(): Promise<void>;
}

export const NEW_PASSWORD = (idNumber: string) => `Xj!${idNumber.slice(4, 10)}#ok`;

/** A migrated database with the demo data set, and the app over HTTP (Fastify inject, no socket). */
/** @param opts.rewriteUrl how the app reaches the database (e.g. through a proxy a test can cut); migrations use the direct URL. */
export async function startTestApp(
  db: TestDatabase,
  opts: { seed?: unknown; clock?: TestClock; env?: Record<string, string>; rewriteUrl?: (url: string) => string } = {},
): Promise<TestApp> {
  const created = await db.create();
  const ds = createDataSource(created.config);
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();
  const direct = created.config.type === 'sqlite' ? `sqlite:${created.config.path}` : created.config.url;
  const url = opts.rewriteUrl ? opts.rewriteUrl(direct) : direct;
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, XJ_TOKEN_SECRET: 'x'.repeat(40), XJ_H5_DIR: 'none', XJ_PUBLIC_URL: 'https://xj.example.cn', ...opts.env });
  const clock = opts.clock ?? new TestClock();
  const app = await createApp(config, { logger: false, clock });
  if (opts.seed !== null) {
    const { ImportService } = await import('../src/imports/import.service');
    await app.get(ImportService).run(opts.seed ?? DEMO_DATA);
    const { Database } = await import('../src/database/database.service');
    const { flipGraduates } = await import('../src/jobs/graduation-flip');
    await app.get(Database).transaction((em) => flipGraduates(em, clock.now()));
  }
  const tokens = new Map<string, string>();
  const request: TestApp['request'] = async (method, url, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let payload: string | undefined;
    if (o.raw !== undefined) payload = o.raw;
    else if (o.body !== undefined) payload = JSON.stringify(o.body);
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await app.inject({ method, url: `/api/v1${url}`, headers, payload, ...(o.remoteAddress ? { remoteAddress: o.remoteAddress } : {}) });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.statusCode, body: body as never, headers: res.headers as Record<string, unknown> };
  };
  return {
    app,
    config,
    clock,
    request,
    async login(idNumber) {
      const cached = tokens.get(idNumber);
      if (cached) return cached;
      let res = await request('POST', '/auth/login', { body: { idNumber, password: idNumber.slice(-8) } });
      if (res.status === 401) res = await request('POST', '/auth/login', { body: { idNumber, password: NEW_PASSWORD(idNumber) } });
      if (res.status !== 200) throw new Error(`login ${idNumber}: ${res.status} ${JSON.stringify(res.body)}`);
      const token = res.body.token as string;
      if (res.body.mustChangePassword) {
        const ch = await request('POST', '/auth/change-password', { token, body: { oldPassword: idNumber.slice(-8), newPassword: NEW_PASSWORD(idNumber) } });
        if (ch.status !== 204) throw new Error(`change-password ${idNumber}: ${ch.status} ${JSON.stringify(ch.body)}`);
      }
      tokens.set(idNumber, token);
      return token;
    },
    async close() {
      await app.close();
      await created.drop();
    },
  };
}

/** The demo data set, by id, for readable tests. */
type Row = { id: string; idNumber: string; name: string; orgId: string; phone: string };
const demo = DEMO_DATA as { members: Row[]; admins: Row[] };
export const person = (id: string): Row => {
  const row = [...demo.members, ...demo.admins].find((p) => p.id === id);
  if (!row) throw new Error(`no demo person ${id}`);
  return row;
};
