import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { dropStuckMysqlConnections } from './data-source';

/**
 * The one way to write. TypeORM's SQLite drivers share a single connection, so concurrent
 * transactions would interleave; on SQLite every transaction waits its turn in a queue.
 * PostgreSQL and MySQL have real pools and run transactions side by side.
 */
@Injectable()
export class Database {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {
    dropStuckMysqlConnections(dataSource);
  }

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3' || this.dataSource.options.type === 'sqljs';
  }

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.dataSource.transaction(work);
    const run = this.queue.then(() => this.dataSource.transaction(work));
    // The queue goes on whether this transaction commits or fails.
    this.queue = run.catch(() => undefined);
    return run;
  }
}
