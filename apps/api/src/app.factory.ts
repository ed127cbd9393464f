import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { ErrorFilter } from './common/error.filter';
import { fastifyOptions, registerSecurity } from './common/http-hardening';
import { validationPipe } from './common/validation';
import { Clock } from './common/time';
import type { AppConfig } from './config';
import { serveStaticSite } from './web/static-site';

export const API_PREFIX = 'api/v1';

export interface CreateAppOptions {
  /** Serve OpenAPI docs at /api/docs (not in cloud functions: it costs cold-start time). */
  docs?: boolean;
  logger?: false | ('error' | 'warn' | 'log')[];
  /** A settable clock (tests). */
  clock?: Clock;
  /** Answer HEAD for every GET route (Fastify's default). Cloud functions turn it off: a third fewer routes to build at cold start. */
  headRoutes?: boolean;
  /** Cloud functions: a startup error (database unreachable) is thrown after one quick reconnect, instead of 27 s of retries and a process exit. */
  failFast?: boolean;
}

/** The one way to build the HTTP app: the server, the tests and the cloud function all use it. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter(fastifyOptions({ trustProxy: config.trustProxyHops || false, exposeHeadRoutes: options.headRoutes ?? true }));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.clock, { failFast: options.failFast }), adapter, {
    logger: options.logger ?? ['error', 'warn'],
    abortOnError: !options.failFast,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorFilter());
  await registerSecurity(app, config);
  if (options.docs) {
    const { SwaggerModule } = await import('@nestjs/swagger');
    const { buildOpenApiDocument } = await import('./openapi/document');
    SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app));
  }
  await serveStaticSite(app, config.h5Dir);
  await app.init();
  return app;
}
