import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions } from 'fastify';
import { errorResponse, GatewayEvent, GatewayResponse, isHttpEvent, toGatewayResponse, toInjectRequest, UnsupportedEvent } from './events';
import { startWithoutOptimizer } from './optimizer';

/**
 * The HTTP cloud function: API-gateway events (Tencent SCF, CloudBase HTTP access, AWS v1/v2)
 * answered in-process by the same Nest app `npm start` serves, through Fastify's `inject()`.
 *
 * Cold start: importing this file loads only the event translation (and optimizer.ts). The first invocation builds
 * the app (and with it the database pool) once per container; warm invocations reuse it.
 * Migrations never run here — the deploy step runs them once (`migrate.js`).
 */

let app: Promise<NestFastifyApplication> | undefined;

function boot(): Promise<NestFastifyApplication> {
  // The start runs once; V8's optimiser is off for it (see optimizer.ts).
  const starting = startWithoutOptimizer(async () => {
    const [{ createApp }, { functionConfig }] = await Promise.all([import('../app.factory'), import('./runtime')]);
    // No HEAD twins of the GET routes: the mini program never sends HEAD, and a third fewer routes
    // is ≈ 5 ms less cold start. failFast: a database outage answers 503 now, not after 27 s of
    // retries and a process exit.
    return createApp(functionConfig(process.env), { logger: ['error', 'warn'], headRoutes: false, failFast: true });
  });
  // A failed start (database unreachable, bad config) is retried by the next invocation.
  starting.catch(() => {
    if (app === starting) app = undefined;
  });
  return starting;
}

/** The app for this container, built on first use. */
export function getApp(): Promise<NestFastifyApplication> {
  app ??= boot();
  return app;
}

/** Closes this container's app and its database pool (tests, a graceful shutdown). */
export async function close(): Promise<void> {
  const current = app;
  app = undefined;
  if (current) await (await current.catch(() => null))?.close();
}

interface Context {
  callbackWaitsForEmptyEventLoop?: boolean;
}

export interface FunctionStatus {
  node: string;
  v8: string;
  execArgv: string[];
  /** Whether http.js.cache was used (see infra/bundler/code-cache.js); 'absent' outside the bundle. */
  codeCache: 'used' | 'rejected' | 'absent';
  /** Milliseconds this invocation waited for the app (0 when the container was warm). */
  appReadyMs: number;
}

/**
 * `{ "xianjie": "status" }`, invoked directly (`tcb fn invoke`; the HTTP gateway only sends
 * gateway events): the runtime and whether the V8 code cache was accepted, for the deploy step.
 */
async function status(): Promise<FunctionStatus> {
  const started = Date.now();
  await getApp();
  const codeCache = (globalThis as Record<symbol, unknown>)[Symbol.for('xianjie.codeCache')];
  return {
    node: process.version,
    v8: process.versions.v8,
    execArgv: process.execArgv,
    codeCache: codeCache === 'used' || codeCache === 'rejected' ? codeCache : 'absent',
    appReadyMs: Date.now() - started,
  };
}

export async function handler(event: unknown, context?: Context): Promise<GatewayResponse | FunctionStatus | { warm: true }> {
  // The database pool keeps the event loop busy by design; answer as soon as the response is ready.
  if (context && typeof context === 'object') context.callbackWaitsForEmptyEventLoop = false;
  if (!isHttpEvent(event)) {
    const e = (event ?? {}) as { Type?: string; xianjie?: string };
    // A timer trigger on this function keeps a container warm: build the app and answer nothing else.
    if (e.Type === 'Timer') {
      await getApp();
      return { warm: true };
    }
    if (e.xianjie === 'status') return status();
    return errorResponse(400, 'UNSUPPORTED_EVENT', '无法识别的请求');
  }
  let ready: NestFastifyApplication;
  try {
    ready = await getApp();
  } catch (err) {
    console.error('xianjie: the API could not start:', err instanceof Error ? err.stack ?? err.message : err);
    return errorResponse(503, 'SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后再试');
  }
  let request;
  try {
    request = toInjectRequest(event as GatewayEvent);
  } catch (err) {
    if (err instanceof UnsupportedEvent) return errorResponse(400, 'UNSUPPORTED_EVENT', '无法识别的请求');
    throw err;
  }
  const res = await ready.inject({ ...request, method: request.method as InjectOptions['method'] });
  return toGatewayResponse(res, event as GatewayEvent);
}
