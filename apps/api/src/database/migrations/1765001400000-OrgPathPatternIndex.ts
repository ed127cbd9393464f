import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Inside a subtree" is `orgs.path LIKE '/hubei/chutian/%'` (auth/subtree.ts) — inboxes, progress,
 * statistics, the ledger, reminders. PostgreSQL uses a plain btree index for such a prefix only
 * when the database's collation is C; a server created with en_US.UTF-8 or zh_CN.UTF-8 (the usual
 * production locales) scans every org instead. An index with varchar_pattern_ops serves the prefix
 * under any collation. MySQL's and SQLite's path indexes already serve it: PostgreSQL only.
 */
export class OrgPathPatternIndex1765001400000 implements MigrationInterface {
  name = 'OrgPathPatternIndex1765001400000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query('CREATE INDEX "IDX_orgs_path_pattern" ON "orgs" ("path" varchar_pattern_ops)');
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query('DROP INDEX "IDX_orgs_path_pattern"');
  }
}
