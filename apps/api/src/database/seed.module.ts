import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config';
import { CoreModule } from '../core.module';
import { Clock } from '../common/time';
import { APP_CONFIG } from '../core.module';
import { ImportService } from '../imports/import.service';
import { NewStudents } from '../new-students/new-students.service';
import { OpenidLookup, REMINDER_NOTIFIER } from '../reminders/notifier';
import { PeopleOpenidLookup } from '../reminders/openid.lookup';
import { notifierFor } from '../reminders/reminders.module';
import { flipGraduates } from '../jobs/graduation-flip';
import { dataSourceOptions } from './data-source';
import { Database } from './database.service';
import { DEMO_DATA } from './seed';

/**
 * The smallest context that can import: used by the seed and the `import` command, which also tells
 * the waiting graduates of a new-students org it brings in (through the configured notifier).
 */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: SeedModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.database)), CoreModule.forRoot(clock, config)],
      providers: [
        ImportService,
        NewStudents,
        { provide: OpenidLookup, useClass: PeopleOpenidLookup },
        { provide: REMINDER_NOTIFIER, useFactory: notifierFor, inject: [APP_CONFIG, OpenidLookup, Clock] },
      ],
      exports: [ImportService, NewStudents],
    };
  }
}

export async function seedDemo(ctx: INestApplicationContext): Promise<string> {
  const report = await ctx.get(ImportService).run(DEMO_DATA);
  const db = ctx.get(Database);
  const flipped = await db.transaction((em) => flipGraduates(em, ctx.get(Clock).now()));
  return `${report.orgs.created} orgs, ${report.members.created} members, ${report.admins.created} admin roles, ${flipped} graduates`;
}
