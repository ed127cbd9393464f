import { Controller, Get } from '@nestjs/common';
import type { HealthStatus } from '@xianjie/contract';
import { DataSource } from 'typeorm';
import { Public } from './auth/actor';
import { AppError } from './common/app-error';
import { DATABASE_UNAVAILABLE_MESSAGE } from './common/db-errors';
import { Doc } from './common/doc';

/** How long readiness waits for `SELECT 1` (contract: ready when the database answers within 2 s). */
export const READY_TIMEOUT_MS = 2000;

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. Never touches the database, so a database outage does not restart it. */
  @Doc({ summary: '存活检查', description: '进程在答复即为存活；不访问数据库（数据库故障不应导致重启）。', response: 'HealthStatus', noDatabase: true, responseExample: { status: 'ok' } })
  @Public()
  @Get()
  health(): HealthStatus {
    return { status: 'ok' };
  }

  /** Readiness: the database answers too. */
  @Doc({ summary: '就绪检查', description: '数据库在 2 秒内答复 `SELECT 1` 时为就绪，否则 503。', response: 'HealthStatus' })
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
