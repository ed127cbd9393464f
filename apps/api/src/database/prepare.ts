import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { createDataSource, migrate } from './data-source';
import { DEMO_DATA, isEmpty } from './seed';

/**
 * Schema up to date; on a new, empty database the demo data set (through the same import path
 * as `npm run import`) and the graduation flip, so the demo graduates are graduates.
 */
export async function prepareDatabase(config: AppConfig, opts: { seedDemo: boolean; log: (m: string) => void }): Promise<void> {
  const ds = createDataSource(config.database);
  await ds.initialize();
  try {
    const ran = await migrate(ds);
    if (ran.length) opts.log(`migrations applied: ${ran.join(', ')}`);
    if (!opts.seedDemo || !(await isEmpty(ds))) return;
  } finally {
    await ds.destroy();
  }
  const { SeedModule, seedDemo } = await import('./seed.module');
  const ctx = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const report = await seedDemo(ctx);
    opts.log(`demo data loaded: ${report}`);
  } finally {
    await ctx.close();
  }
}
