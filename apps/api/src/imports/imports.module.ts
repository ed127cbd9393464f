import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { XLSX_TYPE } from './import-template';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';
import { NewStudentsModule } from '../new-students/new-students.module';

/**
 * What the import route needs of body caps: a 20,000-member roster is ≈ 3 MB of JSON (≈ 140,000
 * keys in 20,000 objects; the global 10 MB body limit fits it, and any key-count cap must too)
 * and ≈ 1.1 MB as `.xlsx`, whose own parser below takes up to 16 MB.
 */
export const IMPORT_XLSX_BYTES = 16 * 1024 * 1024;

/** The routes a workbook may be posted to; each has its own byte cap in common/body-limits.ts. */
const XLSX_ROUTES = /\/(admin\/import|transfers\/pull-in\/batch)$/;

@Module({
  imports: [NewStudentsModule],
  controllers: [ImportsController],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportsModule implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  /** Workbooks arrive as raw bytes; only the import and batch pull-in routes take them (415 elsewhere). */
  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser || fastify.hasContentTypeParser(XLSX_TYPE)) return; // the CLI has no HTTP server
    fastify.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: IMPORT_XLSX_BYTES }, (req, body, done) => {
      if (!XLSX_ROUTES.test(req.url.split('?')[0])) return done(Object.assign(new Error('unsupported media type'), { statusCode: 415 }), undefined);
      done(null, body);
    });
  }
}
