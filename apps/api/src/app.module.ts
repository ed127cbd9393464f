import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { jwtOptions } from './auth/token';
import { Clock } from './common/time';
import type { AppConfig } from './config';
import { APP_CONFIG, CoreModule } from './core.module';
import { dataSourceOptions } from './database/data-source';
import { GraduationModule } from './graduation/graduation.module';
import { HealthController } from './health.controller';
import { ImportsModule } from './imports/imports.module';
import { MembersModule } from './members/members.module';
import { OrgsModule } from './orgs/orgs.module';
import { ProgressModule } from './progress/progress.module';
import { RemindersModule } from './reminders/reminders.module';
import { RequestsModule } from './requests/requests.module';
import { TransfersModule } from './transfers/transfers.module';

@Module({})
export class AppModule {
  /** @param opts.failFast a cloud function's start: one quick reconnect, not TypeORM's 9 tries 3 s apart. */
  static forRoot(config: AppConfig, clock?: Clock, opts: { failFast?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), ...(opts.failFast ? { retryAttempts: 2, retryDelay: 500 } : {}) }),
        JwtModule.register(jwtOptions(config.tokenSecret, config.tokenTtlSeconds)),
        CoreModule.forRoot(clock, config),
        AuthModule,
        OrgsModule,
        MembersModule,
        ImportsModule,
        TransfersModule,
        GraduationModule,
        RequestsModule,
        ProgressModule,
        RemindersModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
