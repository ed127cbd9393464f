import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, localTokenSecretFile } from './config';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xj-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a development token secret per database, kept across restarts', () => {
    const a = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'a.db')}` });
    const b = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'b.db')}` });
    expect(a.tokenSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(b.tokenSecret).not.toBe(a.tokenSecret);
    expect(loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'a.db')}` }).tokenSecret).toBe(a.tokenSecret);
    expect(existsSync(join(dir, 'a.db.token-secret'))).toBe(true);
  });

  it('keeps network databases apart by server and name, not by password', () => {
    const one = localTokenSecretFile({ type: 'postgres', url: 'postgres://u:p1@db:5432/xianjie' });
    expect(localTokenSecretFile({ type: 'postgres', url: 'postgres://u:p2@db:5432/xianjie' })).toBe(one);
    expect(localTokenSecretFile({ type: 'postgres', url: 'postgres://u:p1@db:5432/demo' })).not.toBe(one);
    expect(localTokenSecretFile({ type: 'mysql', url: 'mysql://u@db:5432/xianjie' })).not.toBe(one);
    expect(localTokenSecretFile({ type: 'sqlite', path: ':memory:' })).toBeNull();
  });

  it('still requires XJ_TOKEN_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: `sqlite:${join(dir, 'p.db')}` })).toThrow(ConfigError);
    expect(existsSync(join(dir, 'p.db.token-secret'))).toBe(false);
  });

  it('serves the API docs outside production, and in production only when asked', () => {
    const secret = { XJ_TOKEN_SECRET: 's'.repeat(40), DATABASE_URL: `sqlite:${join(dir, 'd.db')}` };
    expect(loadConfig({ ...secret }).apiDocs).toBe(true);
    expect(loadConfig({ ...secret, NODE_ENV: 'production' }).apiDocs).toBe(false);
    expect(loadConfig({ ...secret, NODE_ENV: 'production', XJ_API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ ...secret, XJ_API_DOCS: 'false' }).apiDocs).toBe(false);
  });

  it('reads database timeouts', () => {
    const c = loadConfig({ XJ_TOKEN_SECRET: 's'.repeat(40), DATABASE_URL: 'sqlite::memory:', XJ_DB_CONNECT_TIMEOUT_MS: '1500' });
    expect(c.databaseTimeouts).toEqual({ connectMs: 1500, queryMs: 5000 });
    expect(() => loadConfig({ XJ_TOKEN_SECRET: 's'.repeat(40), XJ_DB_QUERY_TIMEOUT_MS: '0' })).toThrow(ConfigError);
  });

  it('trusts X-Forwarded-For only as far as XJ_TRUST_PROXY says (default: not at all)', () => {
    const base = { XJ_TOKEN_SECRET: 's'.repeat(40), DATABASE_URL: 'sqlite::memory:' };
    expect(loadConfig(base).trustProxyHops).toBe(0);
    expect(loadConfig({ ...base, XJ_TRUST_PROXY: '1' }).trustProxyHops).toBe(1);
    expect(loadConfig({ ...base, XJ_TRUST_PROXY: '0' }).trustProxyHops).toBe(0);
    for (const bad of ['true', '-1', '1.5']) expect(() => loadConfig({ ...base, XJ_TRUST_PROXY: bad })).toThrow(ConfigError);
  });
});
