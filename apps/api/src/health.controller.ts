import { Controller, Get } from '@nestjs/common';
import type { HealthStatus } from '@xianjie/contract';
import { DataSource } from 'typeorm';
import { Public } from './auth/actor';
import { AppError } from './common/app-error';
import { DATABASE_UNAVAILABLE_MESSAGE } from './common/db-errors';

/** How long readiness waits for `SELECT 1` (contract: ready when the database answers within 2 s). */
export const READY_TIMEOUT_MS = 2000;

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. Never touches the database, so a database outage does not restart it. */
  @Public()
  @Get()
  health(): HealthStatus {
    return { status: 'ok' };
  }

  /** Readiness: the database answers too. */
  @Public()
  @Get('ready')
  async ready(): Promise<HealthStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('readiness timeout')), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
    } catch {
      throw new AppError(503, 'DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
    } finally {
      clearTimeout(timer);
    }
    return { status: 'ok' };
  }
}
