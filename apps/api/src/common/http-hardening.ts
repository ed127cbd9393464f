import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, FastifyServerOptions, RouteOptions } from 'fastify';
import type { AppConfig } from '../config';
import { AppError, ValidationFailed } from './app-error';
import { BodyLimits, bodyLimitsFor, DEFAULT_BODY_LIMITS } from './body-limits';
import { toErrorBody } from './error.filter';

/**
 * What every request passes before Nest sees it: per-route body limits, a shape check of the
 * parsed JSON (key count, depth, NUL bytes) before any pipe, security headers, and Fastify's own
 * early errors (URL too long, bad percent-encoding) in the contract's shape.
 */
export function fastifyOptions(base: { trustProxy: number | false; exposeHeadRoutes: boolean }): FastifyServerOptions {
  return {
    ...base,
    // Routes raise their own limit (see body-limits.ts); anything unrouted gets the small default.
    bodyLimit: DEFAULT_BODY_LIMITS.bytes,
    // These fire before routing, so neither Nest's filter nor Fastify's error handler sees them.
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = toErrorBody(error);
      void (reply as FastifyReply).code(status).header('content-type', 'application/json; charset=utf-8').send(body);
    },
  };
}

export async function registerSecurity(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    const limits = bodyLimitsFor(String(method), route.url);
    route.bodyLimit ??= limits.bytes;
    route.config = { ...(route.config as object), bodyLimits: limits } as never;
  });
  fastify.addHook('preValidation', async (request: FastifyRequest) => checkInput(request));
  // API answers carry personal data (a member's card, the caller's own details): no cache along the way,
  // nor the phone's browser, keeps any of them. The H5 site's files set their own (web/static-site.ts).
  fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  const helmet = (await import('@fastify/helmet')).default;
  await app.register(helmet as never, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // The H5 build's one inline script (Taro's rem sizing) is allowed by its hash, nothing else inline.
        scriptSrc: ["'self'", ...inlineScriptHashes(config.h5Dir)],
        // Taro's web components insert <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    // No Cross-Origin-Opener-Policy: on a first visit Chromium answers `same-origin` (helmet's default)
    // by swapping the page into a new renderer process, measured here at +160 ms to first paint
    // (a static page 155 → 320 ms; `same-origin-allow-popups` alike), a third of the H5 budget. The app
    // opens no windows and is framed by nobody (frame-ancestors 'none', X-Frame-Options DENY above).
    crossOriginOpenerPolicy: false,
  });
}

/** CSP hashes of the inline <script> blocks of the served H5 index.html (empty when none is served). */
export function inlineScriptHashes(h5Dir: string | null): string[] {
  const index = h5Dir ? join(h5Dir, 'index.html') : null;
  if (!index || !existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => m[1].length > 0)
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}

/** Refuses what no route can use, in one place: NUL bytes anywhere, and bodies too wide or too deep. */
export function checkInput(request: FastifyRequest): void {
  const limits = (request.routeOptions.config as { bodyLimits?: BodyLimits } | undefined)?.bodyLimits ?? DEFAULT_BODY_LIMITS;
  inspect(request.params, limits, '');
  inspect(request.query, limits, '');
  inspect(request.body, limits, '');
}

const nulError = (field: string) => new ValidationFailed([{ field: field || 'body', message: '不能包含空字符（\\u0000）' }]);

/** Raw uploads (an .xlsx body) are bytes, not input to walk. Parsed JSON and query strings are walked, whatever their prototype. */
const isBinary = (v: object) => ArrayBuffer.isView(v) || v instanceof ArrayBuffer;

/** Iterative on purpose: a recursive walk is what 5,000 nested arrays overflow. */
export function inspect(root: unknown, limits: BodyLimits, rootPath: string): void {
  const stack: Array<[unknown, string, number]> = [[root, rootPath, 0]];
  let values = 0;
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (++values > limits.values) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '提交的内容过多，请分批提交');
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw nulError(path);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const isArray = Array.isArray(value);
    if (isBinary(value)) continue;
    if (depth > limits.depth) throw new ValidationFailed([{ field: path || 'body', message: '嵌套层级过深' }]);
    const entries: Array<[string, unknown]> = isArray ? (value as unknown[]).map((v, i) => [String(i), v]) : Object.entries(value as Record<string, unknown>);
    if (!isArray && entries.length > limits.keysPerObject) {
      throw new ValidationFailed([{ field: path || 'body', message: `字段过多（最多 ${limits.keysPerObject} 个）` }]);
    }
    if (values + stack.length + entries.length > limits.values) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '提交的内容过多，请分批提交');
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) throw nulError(path);
      stack.push([child, childPath, depth + 1]);
    }
  }
}
