import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start` builds the H5 app it serves through scripts/build-if-stale.js. These drive that
 * builder on a stand-in workspace whose build writes down the NODE_ENV it ran under, with the
 * H5 step's own policy (its env and key variables).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builder = require('../../../scripts/build-if-stale') as {
  buildIfStale(step: object, opts: { root: string; environment: NodeJS.ProcessEnv }): boolean;
  H5: Record<string, unknown>;
};

describe('the H5 build npm start serves', () => {
  let root: string;
  const built = () => readFileSync(join(root, 'app/dist/h5/index.html'), 'utf8');
  const step = () => ({ ...builder.H5, name: 'stand-in H5', workspace: 'app', inputs: ['app/src'], stamp: 'app/dist/h5/.built', output: 'app/dist/h5/index.html' });
  const build = (environment: NodeJS.ProcessEnv) => builder.buildIfStale(step(), { root, environment: { PATH: process.env.PATH, HOME: process.env.HOME, ...environment } });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'xj-build-'));
    mkdirSync(join(root, 'app/src'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'stand-in', private: true, workspaces: ['app'] }));
    writeFileSync(join(root, 'app/package.json'), JSON.stringify({ name: 'stand-in-app', private: true, scripts: { 'build:h5': 'node build.js' } }));
    writeFileSync(
      join(root, 'app/build.js'),
      "const fs = require('fs'); fs.mkdirSync('dist/h5', { recursive: true }); fs.writeFileSync('dist/h5/index.html', `mode=${process.env.NODE_ENV} api=${process.env.TARO_APP_API ?? ''}`);",
    );
    writeFileSync(join(root, 'app/src/app.ts'), 'export {}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('NODE_ENV=development in the shell still gives a production build', () => {
    expect(build({ NODE_ENV: 'development' })).toBe(true);
    expect(built()).toBe('mode=production api=');
    // and it is reused afterwards, with or without the variable
    expect(build({ NODE_ENV: 'development' })).toBe(false);
    expect(build({})).toBe(false);
  });

  test('a development build left by an earlier start (newer than every source) is rebuilt, never served', () => {
    mkdirSync(join(root, 'app/dist/h5'), { recursive: true });
    writeFileSync(join(root, 'app/dist/h5/index.html'), 'mode=development api=');
    // the stamp an earlier builder wrote: a date, no record of the mode
    writeFileSync(join(root, 'app/dist/h5/.built'), new Date().toISOString());
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'app/dist/h5/.built'), later, later);
    expect(build({})).toBe(true);
    expect(built()).toBe('mode=production api=');
  });

  test('a build written over the recorded one by something else (npm run dev:h5) is replaced', () => {
    build({});
    writeFileSync(join(root, 'app/dist/h5/index.html'), 'mode=development api=');
    expect(build({})).toBe(true);
    expect(built()).toBe('mode=production api=');
  });

  test('a changed TARO_APP_ variable (it is compiled into the app) rebuilds', () => {
    build({ TARO_APP_API: 'https://a.example.cn' });
    expect(build({ TARO_APP_API: 'https://a.example.cn' })).toBe(false);
    expect(build({ TARO_APP_API: 'https://b.example.cn' })).toBe(true);
    expect(built()).toBe('mode=production api=https://b.example.cn');
  });

  test('a changed source rebuilds', () => {
    build({});
    const later = new Date(Date.now() + 120_000);
    utimesSync(join(root, 'app/src/app.ts'), later, later);
    expect(build({})).toBe(true);
  });
});
