import { randomUUID } from 'node:crypto';
import { isAutoApprovable, isOpen, stageDeadline, type TransferEventAction, type TransferStatus } from '@xianjie/rules';
import type { EntityManager } from 'typeorm';
import { iso } from '../common/time';
import { applyCompletion, runSql, type Selector } from './completion';
import { Transfer } from './transfer.entity';

/**
 * The one way a transfer's status changes, whoever makes the change: a person's step
 * (`TransfersService.act`) moves one row, the sweep's auto-approval moves every overdue row of a
 * stage in one statement. Both set the same columns, number the event the same way and run the
 * same completion effects — like an order state machine's one "on transition" hook — so a rule
 * about what a status change does is written here once. The lifecycle (libs/rules) has already
 * said the move is allowed; this only writes it, inside the caller's transaction.
 */

/** A move the lifecycle allowed, and the event that records it. */
export interface Change {
  from: TransferStatus;
  to: TransferStatus;
  /** A lifecycle action, or a step that keeps the status (escalating a township's refusal). */
  action: TransferEventAction;
  actorId: string;
  comment: string | null;
}

/**
 * Which rows move. `one`: a transfer at the version its caller read and decided on (anyone acting
 * meanwhile makes it 0 rows). `where`: a condition on the unaliased `transfers` table for a
 * set-based move; the rows are never loaded into Node.
 */
export type Rows = { one: { id: string; version: number } } | { where: Selector };

/** Columns only one kind of step sets, written in the same UPDATE: the reason of a rejection, the branch assigned. */
export type StepColumns = Partial<Pick<Transfer, 'rejectionReason' | 'assignedBranchId'>>;

/**
 * What every status change sets on the transfer row: the status, a new version, the stage
 * clock (a deadline only where the sweep may approve), and — once closed — the open-transfer
 * slot freed (the unique open_member_id) and the closing time.
 */
export function transitionColumns(to: TransferStatus, now: Date) {
  const at = iso(now);
  return {
    status: to,
    version: () => 'version + 1',
    updatedAt: at,
    stageEnteredAt: at,
    stageDeadline: isAutoApprovable(to) ? iso(stageDeadline(now)) : null,
    ...(isOpen(to) ? {} : { openMemberId: null, closedAt: at }),
  };
}

/**
 * One event per transfer the selector picks (alias `t`), numbered after that transfer's last
 * (MAX(seq) + 1, in SQL: one statement however many rows). The unique (transfer_id, seq) index
 * refuses a second writer that numbered the same step. Also the event of a change that keeps
 * the status (修改申请).
 */
export async function recordEvents(em: EntityManager, sel: Selector, e: Change, at: string, id?: string): Promise<void> {
  // One row: an id made here, like a submission's event. Many: made by the database, per row.
  const many = id === undefined;
  await runSql(
    em,
    `INSERT INTO transfer_events (id, transfer_id, seq, at, actor_id, action, comment, from_status, to_status)
     SELECT ${many ? sequentialIdSql(em) : ':eventId'}, t.id,
            (SELECT COALESCE(MAX(e.seq), 0) + 1 FROM transfer_events e WHERE e.transfer_id = t.id),
            :eventAt, :eventActor, :eventAction, :eventComment, :eventFrom, :eventTo
     FROM transfers t WHERE ${sel.sql}`,
    { ...sel.params, ...(many ? { eventIdPrefix: randomUUID().slice(0, 24) } : { eventId: id }), eventAt: at, eventActor: e.actorId, eventAction: e.action, eventComment: e.comment, eventFrom: e.from, eventTo: e.to },
  );
}

/**
 * The ids of one set-based step's events, in SQL: this step's random prefix (the first 24
 * characters of a UUID, `xxxxxxxx-xxxx-4xxx-yxxx-`) and the row's number, 12 digits — the shape
 * of a UUID, unique, and ascending within the step. A random UUID per row sent each of a million
 * inserts to a random leaf of the primary-key index; these go to one place, one page after the next.
 */
function sequentialIdSql(em: EntityManager): string {
  switch (em.connection.options.type) {
    case 'postgres':
      return `:eventIdPrefix || LPAD(CAST(ROW_NUMBER() OVER () AS varchar), 12, '0')`;
    case 'mysql':
    case 'mariadb':
      return `CONCAT(:eventIdPrefix, LPAD(ROW_NUMBER() OVER (), 12, '0'))`;
    default:
      return `:eventIdPrefix || substr('000000000000' || ROW_NUMBER() OVER (), -12, 12)`;
  }
}

/**
 * Moves the rows still in `change.from` to `change.to`: one UPDATE, one INSERT … SELECT for
 * their events, and the completion effects when they complete. Returns how many rows moved;
 * 0 writes nothing else. A set-based move stamps its rows with a fresh `sweep_run` marker so
 * the event and completion statements find exactly the rows this UPDATE moved.
 */
export async function applyTransition(em: EntityManager, rows: Rows, change: Change, now: Date, step: StepColumns = {}): Promise<number> {
  const at = iso(now);
  const one = 'one' in rows;
  const marker = one ? null : randomUUID();
  const where = one
    ? { sql: 'id = :transitionId AND version = :transitionVersion', params: { transitionId: rows.one.id, transitionVersion: rows.one.version } }
    : rows.where;
  const result = await em
    .createQueryBuilder()
    .update(Transfer)
    .set({ ...transitionColumns(change.to, now), ...step, ...(marker ? { sweepRun: marker } : {}) })
    .where(`status = :transitionFrom AND (${where.sql})`, { ...where.params, transitionFrom: change.from })
    .execute();
  const moved = result.affected ?? 0;
  if (moved === 0) return 0;

  const picked: Selector = one ? { sql: 't.id = :movedId', params: { movedId: rows.one.id } } : { sql: 't.sweep_run = :marker', params: { marker } };
  await recordEvents(em, picked, change, at, one ? randomUUID() : undefined);
  if (change.to === 'completed') await applyCompletion(em, picked, at);
  return moved;
}
