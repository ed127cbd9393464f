import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS plan
const { OVERRIDES } = require('../bundler/bundle-plan') as { OVERRIDES: Array<{ file: RegExp; patch?: [string, string][] }> };

/** A node_modules file as the bundle gets it: its override's patches applied, each found exactly once (as the build checks). */
function patched(file: string): string {
  const o = OVERRIDES.find((x) => x.file.test(file) && x.patch);
  if (!o) throw new Error(`no patch for ${file}`);
  let source = readFileSync(file, 'utf8');
  for (const [from, to] of o.patch!) {
    expect(source.split(from)).toHaveLength(2);
    source = source.replace(from, () => to);
  }
  return source;
}

function evaluate(file: string, source: string, req: (spec: string) => unknown): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('exports', 'require', 'module', '__filename', '__dirname', source)(module.exports, req, module, file, dirname(file));
  return module.exports;
}

describe("pg's cold-start overrides (infra/build/bundle-plan.js)", () => {
  it('stream.js: no fetch Response at import (it loads all of undici), and plain Node sockets', () => {
    const file = require.resolve('pg/lib/stream.js');
    const described = Object.getOwnPropertyDescriptor(globalThis, 'Response')!;
    let touched = 0;
    Object.defineProperty(globalThis, 'Response', { configurable: true, get: () => (touched++, described.get ? described.get() : described.value) });
    try {
      const mod = evaluate(file, patched(file), (spec) => require(spec)) as { getStream: () => unknown };
      expect(touched).toBe(0);
      expect(mod.getStream()).toBeInstanceOf(require('node:net').Socket);
    } finally {
      Object.defineProperty(globalThis, 'Response', described);
    }
  });

  it('crypto/utils.js: WebCrypto taken on first use, and every function answers as the original', async () => {
    const file = require.resolve('pg/lib/crypto/utils.js');
    const nodeCrypto = require('node:crypto');
    let touched = 0;
    const watched = new Proxy(nodeCrypto, { get: (t, k) => (k === 'webcrypto' && touched++, t[k]) });
    const lazy = evaluate(file, patched(file), (spec) => (spec === 'crypto' ? watched : require(spec))) as Record<string, (...a: unknown[]) => Promise<unknown> | unknown>;
    expect(touched).toBe(0);
    const real = require(file) as typeof lazy;
    const salt = Buffer.from('0123456789abcdef');
    const hex = (b: unknown) => Buffer.from(b as ArrayBuffer).toString('hex');
    expect(hex(await lazy.deriveKey('secret', salt, 4096))).toBe(hex(await real.deriveKey('secret', salt, 4096)));
    expect(hex(await lazy.hmacSha256(Buffer.from('key'), 'message'))).toBe(hex(await real.hmacSha256(Buffer.from('key'), 'message')));
    expect(hex(await lazy.sha256(Buffer.from('text')))).toBe(hex(await real.sha256(Buffer.from('text'))));
    expect(await lazy.postgresMd5PasswordHash('u', 'p', salt)).toBe(await real.postgresMd5PasswordHash('u', 'p', salt));
    expect((lazy.randomBytes(16) as Buffer).length).toBe(16);
    expect(touched).toBeGreaterThan(0);
  });
});
