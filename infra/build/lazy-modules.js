/**
 * Source transforms that make a library file load its modules on first use instead of at import,
 * used by infra/build/bundle-plan.js. Both read the real modules at build time (export names,
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
  const out = source.replace(/^(?:tslib_1\.)?__exportStar\(require\("([^"]+)"\), exports\);$/gm, (_, spec) => {
    const mod = require(require.resolve(spec, { paths: [dirname(file)] }));
    const names = Object.keys(mod).filter((n) => n !== 'default' && n !== '__esModule' && !defined.has(n));
    names.forEach((n) => defined.add(n));
    return `__xjLazyExports(() => require(${JSON.stringify(spec)}), ${JSON.stringify(names)});`;
  });
  if (defined.size === 0) throw new Error(`${file}: no \`__exportStar(require(…), exports)\` lines to make lazy`);
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

module.exports = { lazyStarExports, lazyRequires };
