import { randomUUID } from 'node:crypto';
import {
  isAutoApprovable, isOpen, nextStatus, stageDeadline, stagesOf, STAGE_DEADLINE_DAYS,
  type TransferShape, type TransferStatus,
} from '@xianjie/rules';
import { iso } from '../common/time';
import type { Database } from '../database/database.service';
import { applyCompletion, runSql } from './completion';
import { withRetry } from '../common/db-errors';
import { SYSTEM_ACTOR } from './transfer-view';
import { Transfer } from './transfer.entity';

/**
 * The shapes a row can have, as SQL. The flags only matter on the standard path (libs/rules
 * ignores them elsewhere), so the other paths are matched on `path` alone.
 */
const SHAPES: { shape: TransferShape; sql: string }[] = [
  { shape: { path: 'standard', crossSystem: false, receiverIsBranch: true }, sql: "path = 'standard' AND cross_system = :no AND receiver_is_branch = :yes" },
  { shape: { path: 'standard', crossSystem: false, receiverIsBranch: false }, sql: "path = 'standard' AND cross_system = :no AND receiver_is_branch = :no" },
  { shape: { path: 'standard', crossSystem: true, receiverIsBranch: false }, sql: "path = 'standard' AND cross_system = :yes" },
  { shape: { path: 'special-unit', crossSystem: false, receiverIsBranch: false }, sql: "path = 'special-unit'" },
  { shape: { path: 'retention', crossSystem: false, receiverIsBranch: false }, sql: "path = 'retention'" },
];

/** Every (stage, shape) the sweep approves, with the status the lifecycle moves it to. */
export const AUTO_STEPS: { stage: TransferStatus; next: TransferStatus; shapeSql: string }[] = SHAPES.flatMap(({ shape, sql }) =>
  stagesOf(shape)
    .filter(isAutoApprovable)
    .map((stage) => ({ stage, next: nextStatus(stage, 'auto-approve', shape, 'system'), shapeSql: sql })),
);

export const AUTO_APPROVE_COMMENT = `超过${STAGE_DEADLINE_DAYS}天未处理，系统自动通过`;

/** A fresh id per row, in SQL: the events are written by one INSERT … SELECT. */
function uuidSql(db: Database): string {
  switch (db.dataSource.options.type) {
    case 'postgres':
      return 'CAST(gen_random_uuid() AS varchar(36))';
    case 'mysql':
    case 'mariadb':
      return 'UUID()';
    default:
      return 'lower(hex(randomblob(16)))';
  }
}

/**
 * Approves every stage untouched past its deadline (15 days, libs/rules), set-based: per
 * (stage, shape) one UPDATE that stamps its rows with a fresh `sweep_run` marker, one
 * INSERT … SELECT writing their 'auto-approve' events (next seq computed in SQL), and the
 * completion effects for rows that finished — one transaction each.
 *
 * Safe to run twice or side by side: the UPDATE only matches rows still in the stage past their
 * deadline (a row another run moved no longer matches once its lock is released), so each row
 * gets exactly one marker and one event; the unique (transfer_id, seq) index backs that up.
 */
export async function autoApproveOverdue(db: Database, now: Date): Promise<{ total: number; byStage: Partial<Record<TransferStatus, number>> }> {
  const at = iso(now);
  const byStage: Partial<Record<TransferStatus, number>> = {};
  let total = 0;
  for (const step of AUTO_STEPS) {
    const n = await withRetry(() =>
      db.transaction(async (em) => {
        const marker = randomUUID();
        const closed = !isOpen(step.next);
        const result = await em
          .createQueryBuilder()
          .update(Transfer)
          .set({
            status: step.next,
            sweepRun: marker,
            version: () => 'version + 1',
            updatedAt: at,
            stageEnteredAt: at,
            stageDeadline: isAutoApprovable(step.next) ? iso(stageDeadline(now)) : null,
            ...(closed ? { openMemberId: null, closedAt: at } : {}),
          })
          .where(`status = :stage AND stage_deadline IS NOT NULL AND stage_deadline <= :now AND ${step.shapeSql}`, {
            stage: step.stage, now: at, yes: true, no: false,
          })
          .execute();
        const affected = result.affected ?? 0;
        if (affected === 0) return 0;
        await runSql(
          em,
          `INSERT INTO transfer_events (id, transfer_id, seq, at, actor_id, action, comment, from_status, to_status)
           SELECT ${uuidSql(db)}, t.id,
                  (SELECT COALESCE(MAX(e.seq), 0) + 1 FROM transfer_events e WHERE e.transfer_id = t.id),
                  :now, :actor, 'auto-approve', :comment, :from, t.status
           FROM transfers t WHERE t.sweep_run = :marker`,
          { now: at, actor: SYSTEM_ACTOR, comment: AUTO_APPROVE_COMMENT, from: step.stage, marker },
        );
        if (step.next === 'completed') await applyCompletion(em, { sql: 't.sweep_run = :marker', params: { marker } }, at);
        return affected;
      }),
    );
    if (n > 0) byStage[step.stage] = (byStage[step.stage] ?? 0) + n;
    total += n;
  }
  return { total, byStage };
}

