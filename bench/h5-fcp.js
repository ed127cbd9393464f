#!/usr/bin/env node
// First contentful paint of the H5 login page, as `npm start` builds and serves it: Chromium at
// 375×812, a fresh browser context per run (empty cache, like a first visit), on localhost and on
// a simulated fast 3G. Prints medians and spreads, the bytes on the wire, and every request that
// left the app's origin. Target: FCP ≤ 500 ms on localhost. Prints, never fails on timing.
const { chromium } = require(require.resolve('playwright-core', { paths: [require('node:path').join(__dirname, '..', 'apps', 'miniapp')] }));
const { median } = require('./lib/functions');
const { CHROMIUM, CHROMIUM_ARGS, buildAsNpmStartDoes, startServer } = require('./lib/h5-server');

const RUNS = Number(process.env.XJ_BENCH_H5_RUNS || 7);
const RUNS_3G = Number(process.env.XJ_BENCH_H5_3G_RUNS || 3);
// Chrome DevTools' "Fast 3G" preset.
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8 * 0.9, uploadThroughput: (750 * 1024) / 8 * 0.9 };

async function visit(browser, base, network) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  const origin = new URL(base).origin;
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url()) && new URL(r.url()).origin !== origin) foreign.push(r.url());
  });
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  // The login form is usable once its first input is there (the moment a person can start typing).
  const form = await page
    .waitForFunction(() => (document.querySelector('.login input') ? performance.now() : false), null, { polling: 'raf', timeout: 30_000 })
    .then((h) => h.jsonValue())
    .catch(() => NaN);
  const fcp = await page.evaluate(
    () =>
      new Promise((res) => {
        new PerformanceObserver((list) => {
          const e = list.getEntries().find((x) => x.name === 'first-contentful-paint');
          if (e) res(e.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => res(NaN), 10_000);
      }),
  );
  const resources = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => ({ name: r.name, type: r.initiatorType, wire: r.encodedBodySize, size: r.decodedBodySize })),
  );
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { wire: n.encodedBodySize, size: n.decodedBodySize };
  });
  const viewport = await page.evaluate(() => document.querySelector('meta[name=viewport]')?.getAttribute('content') ?? '');
  await context.close();
  return { fcp, form, errors, foreign, resources: [{ name: 'index.html', type: 'navigation', ...nav }, ...resources], viewport };
}

const range = (xs) => `min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  buildAsNpmStartDoes();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await visit(browser, server.base); // warms the server's file cache and Chromium's own start-up; not counted
    const local = [];
    for (let i = 0; i < RUNS; i++) local.push(await visit(browser, server.base));
    const slow = [];
    for (let i = 0; i < RUNS_3G; i++) slow.push(await visit(browser, server.base, FAST_3G));

    const last = local[local.length - 1];
    const js = last.resources.filter((r) => /\.js(\?|$)/.test(r.name));
    const css = last.resources.filter((r) => /\.css(\?|$)/.test(r.name));
    const sum = (rs, k) => rs.reduce((a, r) => a + r[k], 0);
    const fcp = local.map((r) => r.fcp);
    const form = local.map((r) => r.form);
    console.log(`login page FCP, localhost            median ${median(fcp).toFixed(0)} ms  (${RUNS} fresh contexts, ${range(fcp)})`);
    console.log(`  login form on screen               median ${median(form).toFixed(0)} ms  (${range(form)})`);
    const fcp3g = slow.map((r) => r.fcp);
    console.log(`login page FCP, fast 3G              median ${median(fcp3g).toFixed(0)} ms  (${RUNS_3G} fresh contexts, ${range(fcp3g)})`);
    console.log(`  login form on screen               median ${median(slow.map((r) => r.form)).toFixed(0)} ms`);
    console.log(`requests for the login page: ${last.resources.length}; JavaScript ${js.length} files ${kb(sum(js, 'wire'))} on the wire (${kb(sum(js, 'size'))} uncompressed), CSS ${kb(sum(css, 'wire'))} (${kb(sum(css, 'size'))})`);
    const foreign = [...new Set([...local, ...slow].flatMap((r) => r.foreign))];
    console.log(`requests leaving the origin: ${foreign.length ? foreign.join(', ') : 'none'}`);
    console.log(`viewport: ${last.viewport}`);
    const errors = [...new Set([...local, ...slow].flatMap((r) => r.errors))];
    if (errors.length) {
      console.log(`PAGE ERRORS (the figures above are of a broken page): ${errors.join(' | ')}`);
      process.exitCode = 1;
    }
    if (local.some((r) => Number.isNaN(r.form))) {
      console.log('the login form did not appear in some runs');
      process.exitCode = 1;
    }
    console.log(`login FCP ${median(fcp).toFixed(0)} ms (target ≤ 500 ms on localhost)`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
