import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/**
 * File names the H5 build gives a content hash (`js/app.1a2b3c4d.js`, `css/app.1a2b3c4d.css`, see
 * apps/miniapp/config/index.ts): a new build writes new names, so a browser may keep these forever.
 */
const HASHED = /\.[0-9a-f]{8}\.(js|css)$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is revalidated on every visit, so a new build is seen at once. */
export const REVALIDATE = 'no-cache';

export function cacheControlFor(path: string): string {
  return HASHED.test(basename(path)) ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the built H5 app at `/`: JavaScript, CSS and HTML compressed (brotli, else gzip) when the
 * browser asks, hashed files cached for a year, the rest revalidated.
 *
 * In a plugin of its own: compression and these cache rules apply to the app's files only, never to
 * the API's answers. A folder that does not exist serves nothing (no build yet, `XJ_H5_DIR=none`).
 */
export async function serveStaticSite(app: NestFastifyApplication, h5Dir: string | null): Promise<void> {
  if (!h5Dir || !existsSync(h5Dir)) return;
  const [{ default: fastifyCompress }, { default: fastifyStatic }] = await Promise.all([import('@fastify/compress'), import('@fastify/static')]);
  const site = async (scope: FastifyInstance): Promise<void> => {
    // Brotli at quality 4 (the plugin's default) compresses the largest chunk in a few milliseconds;
    // smaller than 1 KB is not worth a compression frame.
    await scope.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
    await scope.register(fastifyStatic, {
      root: h5Dir,
      prefix: '/',
      wildcard: false,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', cacheControlFor(path)),
    });
  };
  await app.register(site as never);
}
