import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS helper
const { lazyNamedReexports } = require('../bundler/lazy-modules') as { lazyNamedReexports: (source: string, file: string) => string };

/** Evaluates a transformed barrel with a require that records what it loads. */
function loadBarrel(file: string, source: string): { exports: Record<string, unknown>; loaded: string[] } {
  const loaded: string[] = [];
  const realRequire = (spec: string) => require(require.resolve(spec, { paths: [dirname(file)] }));
  const req = (spec: string) => {
    loaded.push(spec);
    return realRequire(spec);
  };
  const module = { exports: {} as Record<string, unknown> };
  new Function('exports', 'require', 'module', source)(module.exports, req, module);
  return { exports: module.exports, loaded };
}

describe('lazyNamedReexports (infra/bundler/lazy-modules.js)', () => {
  const file = require.resolve('rxjs');

  it("loads none of rxjs's modules at import, and only the one a name needs on first use", () => {
    const { exports, loaded } = loadBarrel(file, lazyNamedReexports(readFileSync(file, 'utf8'), file));
    expect(loaded).toEqual([]);
    const real = require('rxjs');
    expect(exports.map).toBe(real.map);
    expect(loaded).toEqual(['./internal/operators/map']);
    expect(exports.Observable).toBe(real.Observable);
    expect(Object.keys(exports).sort()).toEqual(Object.keys(real).sort());
  });

  it('refuses a barrel that uses a module outside a re-export getter', () => {
    const source = [
      'var a_1 = require("./a");',
      'Object.defineProperty(exports, "A", { enumerable: true, get: function () { return a_1.A; } });',
      'exports.B = a_1.B;',
    ].join('\n');
    expect(() => lazyNamedReexports(source, '/x/index.js')).toThrow(/a_1 is used outside a re-export getter/);
  });
});
