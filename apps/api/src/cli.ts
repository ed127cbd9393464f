import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Clock } from './common/time';
import { loadConfig } from './config';
import { Database } from './database/database.service';
import { prepareDatabase } from './database/prepare';
import { SeedModule } from './database/seed.module';
import { ImportRejected, ImportService } from './imports/import.service';
import { NewStudents } from './new-students/new-students.service';
import { runSweep } from './jobs/sweep';

/** A clock fixed at `--now` for the whole run. */
class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }
  now(): Date {
    return new Date(this.at);
  }
}

function parseNow(args: string[]): Date {
  const i = args.indexOf('--now');
  if (i === -1) return new Date();
  const at = new Date(args[i + 1] ?? '');
  if (Number.isNaN(at.getTime())) throw new Error(`--now needs an ISO time, e.g. --now 2026-07-16T00:00:00Z (got "${args[i + 1] ?? ''}")`);
  return at;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig();
  const log = (m: string) => console.log(m);
  if (command === 'import') {
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) throw new Error('usage: npm run import -- <file.json|file.xlsx>');
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
    // A workbook is read inside the run (its sheets a row at a time); JSON is read and parsed up front.
    const workbook = extname(path).toLowerCase() === '.xlsx';
    if (workbook && !existsSync(path)) throw new Error(`cannot read ${file}: no such file`);
    let data: unknown;
    if (!workbook) {
      try {
        data = JSON.parse(readFileSync(path, 'utf8'));
      } catch (e) {
        throw new Error(`cannot read ${file} as JSON: ${(e as Error).message}`);
      }
    }
    await prepareDatabase(config, { seedDemo: false, log });
    const ctx = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
    try {
      const imports = ctx.get(ImportService);
      const r = workbook ? await imports.runWorkbook(readFileSync(path)) : await imports.run(data);
      const line = (k: keyof typeof r) => `${k}: ${r[k].created} created, ${r[k].updated} updated, ${r[k].unchanged} unchanged`;
      log(`imported ${file}\n  ${line('orgs')}\n  ${line('members')}\n  ${line('admins')}`);
      // The CLI imports with full power: every new-students org's waiting graduates not yet told are told now.
      const told = await ctx.get(NewStudents).announce(['/']);
      if (told > 0) log(`  told ${told} waiting graduate(s) that their new-students org exists`);
      return 0;
    } catch (e) {
      if (!(e instanceof ImportRejected)) throw e;
      console.error(`${e.message}:`);
      for (const p of e.problems) console.error(`  ${p.where ?? p.row}: ${p.message}`);
      return 1;
    } finally {
      await ctx.close();
    }
  }
  if (command === 'sweep') {
    const now = parseNow(args);
    await prepareDatabase(config, { seedDemo: false, log });
    const ctx = await NestFactory.createApplicationContext(SeedModule.forRoot(config, new FixedClock(now)), { logger: ['error', 'warn'] });
    try {
      const report = await runSweep(ctx.get(Database), now);
      log(`sweep at ${now.toISOString()}: ${JSON.stringify(report)}`);
      return 0;
    } finally {
      await ctx.close();
    }
  }
  throw new Error(`unknown command "${command ?? ''}": use import or sweep`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
