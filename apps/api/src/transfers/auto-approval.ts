import {
  isAutoApprovable, nextStatus, stagesOf, STAGE_DEADLINE_DAYS,
  type TransferShape, type TransferStatus,
} from '@xianjie/rules';
import { iso } from '../common/time';
import type { Database } from '../database/database.service';
import { withRetry } from '../common/db-errors';
import { SYSTEM_ACTOR } from './transfer-view';
import { applyTransition } from './transition';

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

/**
 * Approves every stage untouched past its deadline (15 days, libs/rules), set-based: per
 * (stage, shape) one `applyTransition` over every overdue row — the same columns, event
 * numbering and completion effects as a person's approval, in a few statements whatever the
 * number of rows — one transaction each.
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
        const change = { from: step.stage, to: step.next, action: 'auto-approve' as const, actorId: SYSTEM_ACTOR, comment: AUTO_APPROVE_COMMENT };
        const overdue = { sql: `stage_deadline IS NOT NULL AND stage_deadline <= :now AND ${step.shapeSql}`, params: { now: at, yes: true, no: false } };
        return applyTransition(em, { where: overdue }, change, now);
      }),
    );
    if (n > 0) byStage[step.stage] = (byStage[step.stage] ?? 0) + n;
    total += n;
  }
  return { total, byStage };
}

