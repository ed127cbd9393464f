import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { XLSX_TYPE } from './import-template';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';

/**
 * The limits the import route needs, declared here so global caps can leave room for them:
 * a 20,000-member roster is ≈ 3 MB of JSON (≈ 150,000 keys) and ≈ 1.5 MB as `.xlsx`.
 */
export const IMPORT_LIMITS = { xlsxBytes: 16 * 1024 * 1024, jsonBytes: 10 * 1024 * 1024, jsonKeys: 400_000 } as const;

@Module({
  controllers: [ImportsController],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportsModule implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  /** Workbooks arrive as raw bytes; only the import route takes them (415 elsewhere). */
  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser || fastify.hasContentTypeParser(XLSX_TYPE)) return; // the CLI has no HTTP server
    fastify.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.xlsxBytes }, (req, body, done) => {
      if (!req.url.split('?')[0].endsWith('/admin/import')) return done(Object.assign(new Error('unsupported media type'), { statusCode: 415 }), undefined);
      done(null, body);
    });
  }
}
