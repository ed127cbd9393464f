import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { testDatabases } from './databases';
import { startTestApp, TestApp } from './harness';

/**
 * The H5 app as the server hands it to a phone: compressed when asked, hashed files cached for a
 * year, index.html revalidated, and the API's answers left as they were.
 */
const [sqlite] = testDatabases();

describe('the H5 app served at /', () => {
  let t: TestApp;
  let dir: string;
  // Large enough to be worth compressing, as every real chunk is.
  const js = `(function(){${'console.log("衔接 chunk");'.repeat(400)}})();\n`;
  const css = `.page{${'color:#c8161d;'.repeat(300)}}\n`;
  const html = `<!doctype html><html><head><script defer src="/js/app.0123abcd.js"></script></head><body><div id="app"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xj-h5-'));
    mkdirSync(join(dir, 'js'));
    mkdirSync(join(dir, 'css'));
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'js', 'app.0123abcd.js'), js);
    writeFileSync(join(dir, 'css', 'app.89abcdef.css'), css);
    writeFileSync(join(dir, 'js', 'unhashed.js'), js);
    t = await startTestApp(sqlite, { seed: null, env: { XJ_H5_DIR: dir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) => t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  test('hashed JavaScript comes brotli-compressed and cached for a year', async () => {
    const res = await get('/js/app.0123abcd.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(js);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(js) / 5);
  });

  test('hashed CSS comes gzip-compressed to a browser without brotli', async () => {
    const res = await get('/css/app.89abcdef.css', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.rawPayload).toString()).toBe(css);
  });

  test('index.html is compressed too and revalidated on every visit, so a new build shows at once', async () => {
    for (const url of ['/', '/index.html']) {
      const res = await get(url, 'br');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(html);
    }
  });

  test('a file without a content hash is never cached as immutable', async () => {
    const res = await get('/js/unhashed.js', 'br');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  test('a client that asks for no compression gets the plain file', async () => {
    const res = await get('/js/app.0123abcd.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(js);
  });

  test("the API's answers keep their own headers: no compression or year-long caching added", async () => {
    const res = await get('/api/v1/health', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(String(res.headers['cache-control'] ?? '')).not.toContain('immutable');
  });

  test('a file that is not there is a 404, not the app', async () => {
    expect((await get('/js/app.ffffffff.js', 'br')).statusCode).toBe(404);
  });
});
