#!/usr/bin/env node
/**
 * `npm run build:functions`: the cloud-function bundles in dist/functions/, one self-contained file
 * per entry point, each exporting `handler(event, context)` (web.js starts the web-function server).
 *
 *   http.js     API-gateway events → the API: a loader, the bundled program in http.js.program
 *               and its V8 code cache in http.js.cache (optional; infra/build/code-cache.js)
 *   sweep.js    timer trigger → the scheduled job
 *   migrate.js  the deploy step: migrations, once (`node dist/functions/migrate.js`, or as a function)
 *   web.js      the web-function server on :9000, started by scf_bootstrap
 *   package.json, scf_bootstrap   the deploy package's manifest (native addons) and start file
 *
 * Per source file, in one esbuild run:
 *  1. swc compiles the TypeScript with `legacyDecorator` + `decoratorMetadata`. esbuild alone drops
 *     `design:paramtypes`/`design:type`, which silently turns off DTO validation and breaks Nest
 *     injection and TypeORM columns (shared/notes/toolchain.md). swc emits CommonJS, the module
 *     semantics the API is tested under (jest runs the same swc settings).
 *  2. esbuild bundles that JavaScript with node_modules: --keep-names (Nest and TypeORM read class
 *     names), platform node, target node20, minified, no source maps; externals, stubs and
 *     overrides in infra/build/bundle-plan.js.
 *
 * Flags: --if-stale (skip when every output is newer than every input: tests, benches),
 * --no-code-cache, --train-database <url> (also train the code cache on that migrated database;
 * repeatable), --code-cache-only (retrain the existing bundles' cache, no bundling: the deploy step
 * does it after migrating, with the production database), --analyze (KB per package in http.js),
 * --debug <dir> (unminified http.js for profiling).
 */
const { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');
const { EXTERNAL, bundlePlanPlugin, checkStubGuards } = require('../infra/build/bundle-plan');
const { trainCodeCache, wrapWithCodeCache } = require('../infra/build/code-cache');

const ROOT = resolve(__dirname, '..');
const API_SRC = join(ROOT, 'apps/api/src');
const RULES_SRC = join(ROOT, 'libs/rules/src');
const CONTRACT_SRC = join(ROOT, 'libs/contract/src');
const OUT = join(ROOT, 'dist/functions');
const ENTRIES = ['http', 'sweep', 'migrate', 'web'];
/** Entries carrying a code cache: the request path, where a cold start is felt. */
const CACHED = ['http'];

function newestMtime(dir, filter) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, filter));
    else if (filter(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale() {
  const outputs = [...ENTRIES.map((e) => join(OUT, `${e}.js`)), ...CACHED.flatMap((e) => [join(OUT, `${e}.js.program`), join(OUT, `${e}.js.cache`)]), join(OUT, 'package.json')];
  if (!outputs.every((f) => existsSync(f))) return true;
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const sources = (p) => /\.(ts|json)$/.test(p) && !/\.spec\.ts$/.test(p);
  const newestInput = Math.max(
    newestMtime(API_SRC, sources),
    newestMtime(RULES_SRC, sources),
    newestMtime(CONTRACT_SRC, sources),
    newestMtime(join(ROOT, 'infra/build'), () => true),
    statSync(__filename).mtimeMs,
    statSync(join(ROOT, 'infra/scf_bootstrap')).mtimeMs,
    statSync(join(ROOT, 'package-lock.json')).mtimeMs,
  );
  return newestInput > oldestOutput;
}

/** esbuild plugin: every project .ts file goes through swc first (decorator metadata); esbuild sees JavaScript. */
function swcDecoratorMetadata() {
  return {
    name: 'swc-decorator-metadata',
    setup(build) {
      const swc = require('@swc/core');
      // The workspace libraries are bundled from their TypeScript source, like the API's own files.
      build.onResolve({ filter: /^@xianjie\/rules$/ }, () => ({ path: join(RULES_SRC, 'index.ts') }));
      build.onResolve({ filter: /^@xianjie\/contract$/ }, () => ({ path: join(CONTRACT_SRC, 'index.ts') }));
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes('node_modules')) return undefined;
        const { code } = await swc.transformFile(args.path, {
          swcrc: false,
          sourceMaps: false,
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
            target: 'es2022',
            keepClassNames: true,
          },
          module: { type: 'commonjs', strict: false, noInterop: false },
        });
        return { contents: code, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** The deploy package's manifest: the native addons the platform installs beside the bundles. */
function deployManifest() {
  const api = JSON.parse(readFileSync(join(ROOT, 'apps/api/package.json'), 'utf8'));
  return {
    name: 'xianjie-functions',
    private: true,
    description: '衔接 cloud functions — generated by scripts/build-functions.js; deploy this folder',
    engines: { node: '>=20 <21' },
    dependencies: { '@node-rs/argon2': api.dependencies['@node-rs/argon2'] },
  };
}

function printAnalysis(metafile) {
  const byPackage = new Map();
  const out = Object.entries(metafile.outputs).find(([f]) => f.endsWith('http.js'))[1];
  for (const [file, { bytesInOutput }] of Object.entries(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1] : file.split('/').slice(0, 3).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  for (const [pkg, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(bytes / 1024).toFixed(0).padStart(7)} KB  ${pkg}`);
}

function trainCaches(outdir, entries, databases) {
  const migrate = [join(outdir, 'migrate.js'), join(OUT, 'migrate.js')].find((f) => existsSync(f));
  if (!migrate) return [];
  return CACHED.filter((e) => entries.includes(e)).map((name) => {
    const r = trainCodeCache(join(outdir, `${name}.js`), migrate, { databases });
    return r.bytes ? `${name}.js.cache ${(r.bytes / 1024).toFixed(0)} KB` : `no ${name}.js.cache (${r.reason})`;
  });
}

async function build({ analyze = false, minify = true, outdir = OUT, entries = ENTRIES, codeCache = true, databases = [] } = {}) {
  const esbuild = require(require.resolve('esbuild', { paths: [join(ROOT, 'infra')] }));
  checkStubGuards([API_SRC, RULES_SRC, CONTRACT_SRC], ROOT);
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(entries.map((e) => [e, join(API_SRC, 'functions', `${e}.ts`)])),
    outdir,
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify,
    keepNames: true,
    sourcemap: false,
    legalComments: 'none',
    metafile: analyze,
    logLevel: 'warning',
    external: EXTERNAL,
    plugins: [bundlePlanPlugin(), swcDecoratorMetadata()],
  });
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  for (const file of result.outputFiles) {
    const name = file.path.slice(outdir.length + 1).replace(/\.js$/, '');
    if (codeCache && CACHED.includes(name)) {
      const { loader, program } = wrapWithCodeCache(file.text, name);
      writeFileSync(file.path, loader);
      writeFileSync(`${file.path}.program`, program);
    } else {
      writeFileSync(file.path, file.text);
    }
  }
  writeFileSync(join(outdir, 'package.json'), `${JSON.stringify(deployManifest(), null, 2)}\n`);
  copyFileSync(join(ROOT, 'infra/scf_bootstrap'), join(outdir, 'scf_bootstrap'));
  chmodSync(join(outdir, 'scf_bootstrap'), 0o755);
  const bundled = Date.now();
  const caches = codeCache ? trainCaches(outdir, entries, databases) : [];
  const size = (f) => `${f} ${(statSync(join(outdir, f)).size / 1024).toFixed(0)} KB`;
  const sizes = entries.flatMap((e) => (existsSync(join(outdir, `${e}.js.program`)) ? [size(`${e}.js.program`)] : [size(`${e}.js`)]));
  console.log(`functions built in ${bundled - started} ms${caches.length ? ` + code cache ${Date.now() - bundled} ms` : ''} → ${relative(ROOT, outdir) || '.'}/: ${[...sizes, ...caches].join(', ')}`);
  if (analyze) printAnalysis(result.metafile);
  return result;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const databases = args.flatMap((a, i) => (a === '--train-database' && args[i + 1] ? [args[i + 1]] : []));
  if (args.includes('--code-cache-only')) {
    const started = Date.now();
    const caches = trainCaches(OUT, ENTRIES, databases);
    console.log(`code cache retrained in ${Date.now() - started} ms: ${caches.join(', ')}`);
    if (caches.some((c) => c.startsWith('no '))) process.exit(1);
  } else if (args.includes('--if-stale') && !isStale()) {
    console.log('functions up to date');
  } else {
    const debug = args.indexOf('--debug');
    const opts = debug === -1 ? {} : { minify: false, outdir: resolve(args[debug + 1] ?? join(ROOT, 'dist/functions-debug')), entries: ['http'] };
    build({ analyze: args.includes('--analyze'), codeCache: !args.includes('--no-code-cache'), databases, ...opts }).catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
  }
}

module.exports = { build, isStale, ENTRIES, OUT };
