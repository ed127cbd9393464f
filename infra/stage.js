#!/usr/bin/env node
/**
 * Lays out the CloudBase deploy folders from the built bundles: dist/cloudbase/<function>/ holds
 * the bundle its handler names (http.js → xianjie-api, …), that bundle's program and code cache when it has
 * them, and the package.json whose dependencies CloudBase installs in the cloud (installDependency).
 * Run by infra/deploy.sh after `npm run build:functions`; `cloudbaserc.json` points functionRoot here.
 */
const { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const BUNDLES = join(ROOT, 'dist', 'functions');

function readConfig(file = join(__dirname, 'cloudbaserc.json')) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** `http.handler` → { file: 'http.js', exportName: 'handler' } */
function handlerTarget(handler) {
  const dot = handler.lastIndexOf('.');
  return { file: `${handler.slice(0, dot)}.js`, exportName: handler.slice(dot + 1) };
}

function stage(config = readConfig()) {
  const root = resolve(__dirname, config.functionRoot);
  rmSync(root, { recursive: true, force: true });
  const staged = [];
  for (const fn of config.functions) {
    const { file } = handlerTarget(fn.handler);
    const source = join(BUNDLES, file);
    if (!existsSync(source)) throw new Error(`${fn.name}: ${source} is missing — run \`npm run build:functions\` first`);
    const dir = join(root, fn.name);
    mkdirSync(dir, { recursive: true });
    const files = [file, `${file}.program`, `${file}.cache`, 'package.json'].filter((f) => existsSync(join(BUNDLES, f)));
    for (const f of files) copyFileSync(join(BUNDLES, f), join(dir, f));
    staged.push({ name: fn.name, dir, files });
  }
  return staged;
}

if (require.main === module) {
  for (const s of stage()) console.log(`${s.name.padEnd(16)} ${s.files.join(', ')}`);
}

module.exports = { stage, readConfig, handlerTarget, BUNDLES };
