/**
 * Source transforms that make a library file load its modules on first use instead of at import,
 * used by infra/bundler/bundle-plan.js. Both read the real modules at build time (export names,
 * `__esModule`, whether the export is a function), so the stand-ins answer as the modules would.
 */
const { dirname } = require('node:path');

/**
 * A barrel of `__exportStar(require("./x"), exports)` lines made lazy: each module's export names
 * (read at build time, by requiring it here) become getters that require the module on first use.
 */
function lazyStarExports(source, file) {
  // Reading export names runs the modules here, in the build; decorated ones need the polyfill.
  require('reflect-metadata');
  const defined = new Set();
  let lines = 0;
  const out = source.replace(/^(?:tslib_1\.)?__exportStar\(require\("([^"]+)"\), exports\);$/gm, (_, spec) => {
    lines += 1;
    const mod = require(require.resolve(spec, { paths: [dirname(file)] }));
    const names = Object.keys(mod).filter((n) => n !== 'default' && n !== '__esModule' && !defined.has(n));
    names.forEach((n) => defined.add(n));
    return `__xjLazyExports(() => require(${JSON.stringify(spec)}), ${JSON.stringify(names)});`;
  });
  if (lines === 0) throw new Error(`${file}: no \`__exportStar(require(…), exports)\` lines to make lazy`);
  return `${out}
function __xjLazyExports(load, names) {
  let mod;
  for (const name of names) {
    // as __exportStar: a name the barrel already has keeps its first definition
    if (!Object.prototype.hasOwnProperty.call(exports, name)) Object.defineProperty(exports, name, { enumerable: true, configurable: true, get: () => (mod ??= load())[name] });
  }
}
`;
}

/**
 * A TypeScript-compiled barrel of named re-exports made lazy:
 *   var X_1 = require("./x");
 *   Object.defineProperty(exports, "A", { enumerable: true, get: function () { return X_1.A; } });
 * The getters already read the module on each access; the module itself is now required by the
 * first of them instead of at import. Every use of `X_1` must be such a getter (checked), or the
 * module would be read before it is loaded. `__exportStar` lines, if any, go through
 * lazyStarExports.
 */
function lazyNamedReexports(source, file) {
  const vars = [];
  let out = source.replace(/^var (\w+_\d+) = require\("([^"]+)"\);$/gm, (_, name, spec) => {
    vars.push(name);
    return `var ${name}__xj; const ${name} = () => (${name}__xj ??= require(${JSON.stringify(spec)}));`;
  });
  if (vars.length === 0) throw new Error(`${file}: no \`var X_1 = require(…)\` lines to make lazy`);
  for (const name of vars) {
    const uses = out.split(new RegExp(`\\b${name}\\b`)).length - 2; // minus the declaration
    const getter = new RegExp(`get: function \\(\\) \\{ return ${name}\\.(\\w+); \\}`, 'g');
    const getters = (out.match(getter) ?? []).length;
    if (uses !== getters) throw new Error(`${file}: ${name} is used outside a re-export getter; it cannot be made lazy`);
    out = out.replace(getter, (_, key) => `get: function () { return ${name}().${key}; }`);
  }
  return /__exportStar\(require\(/.test(out) ? lazyStarExports(out, file) : out;
}

/**
 * Named requires of a file made lazy: `require("m")` becomes a stand-in that requires `m` on first
 * use of one of its properties. For modules a file needs only in a branch the functions never take
 * (an HTTPS/HTTP2 server, DNS for listen(), entity globs). `__esModule` is answered from the real
 * module, read at build time, so TypeScript's import helpers treat the stand-in as they would it.
 */
function lazyRequires(specs) {
  return (source, file) => {
    let out = source;
    for (const spec of specs) {
      const real = require(require.resolve(spec, { paths: [dirname(file)] }));
      const pattern = new RegExp(`require\\((["'])${spec.replace(/[/.]/g, '\\$&')}\\1\\)`, 'g');
      const count = (out.match(pattern) ?? []).length;
      if (count === 0) throw new Error(`${file}: no require("${spec}") to make lazy`);
      const args = `${real.__esModule === true}, ${typeof real === 'function'}`;
      out = out.replace(pattern, () => `__xjLazyRequire(() => require(${JSON.stringify(spec)}), ${args})`);
    }
    return `${out}
function __xjLazyRequire(load, esModule, callable) {
  let mod;
  const real = () => (mod ??= load());
  const traps = {
    get: (_, key) => (key === '__esModule' ? esModule || undefined : real()[key]),
    has: (_, key) => key in real(),
  };
  if (callable) {
    // a module that is a function (a class, a factory): called or constructed through the stand-in
    traps.apply = (_, self, args) => Reflect.apply(real(), self, args);
    traps.construct = (_, args) => Reflect.construct(real(), args);
    return new Proxy(function () {}, traps);
  }
  traps.ownKeys = () => Reflect.ownKeys(real());
  traps.getOwnPropertyDescriptor = (_, key) => ({ ...Reflect.getOwnPropertyDescriptor(real(), key), configurable: true });
  return new Proxy({}, traps);
}
`;
  };
}

module.exports = { lazyStarExports, lazyNamedReexports, lazyRequires };
