import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScopeService } from './auth/scope.service';
import { Clock, SystemClock } from './common/time';
import type { AppConfig } from './config';
import { Database } from './database/database.service';

export const APP_CONFIG = 'APP_CONFIG';

/** What every feature needs: the write-serialising database, the clock, the subtree scope. */
@Global()
@Module({})
export class CoreModule {
  /** @param clock a settable clock (tests, `sweep --now`); the system clock otherwise. */
  static forRoot(clock: Clock = new SystemClock(), config?: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: Database, useFactory: (ds: DataSource) => new Database(ds), inject: [DataSource] },
        { provide: Clock, useValue: clock },
        ScopeService,
        { provide: APP_CONFIG, useValue: config ?? null },
      ],
      exports: [Database, Clock, ScopeService, APP_CONFIG],
    };
  }
}
