import type { TransferStatus } from '@xianjie/rules';
import type { DataSource, EntityManager } from 'typeorm';
import { createDataSource, migrate } from '../database/data-source';
import { Membership } from '../members/membership.entity';
import { TransferEvent } from './transfer-event.entity';
import { Transfer } from './transfer.entity';
import { applyTransition, recordEvents, transitionColumns, type Change } from './transition';

const T0 = new Date('2026-07-01T00:00:00.000Z');
const NOW = new Date('2026-07-20T08:00:00.000Z');

describe('transitionColumns', () => {
  it('an approval stage gets a fresh 15-day deadline and stays open', () => {
    const c = transitionColumns('pending-incoming', NOW);
    expect(c).toMatchObject({ status: 'pending-incoming', updatedAt: NOW.toISOString(), stageEnteredAt: NOW.toISOString(), stageDeadline: '2026-08-04T08:00:00.000Z' });
    expect(c).not.toHaveProperty('closedAt');
    expect(c).not.toHaveProperty('openMemberId');
    expect(c.version()).toBe('version + 1');
  });

  it('assignment waits for a person: no deadline for the sweep', () => {
    expect(transitionColumns('pending-assignment', NOW).stageDeadline).toBeNull();
  });

  it.each<TransferStatus>(['completed', 'rejected', 'withdrawn'])('closing (%s) frees the open-transfer slot and stamps the time', (to) => {
    expect(transitionColumns(to, NOW)).toMatchObject({ status: to, stageDeadline: null, openMemberId: null, closedAt: NOW.toISOString() });
  });
});

/** applyTransition against a real, migrated (in-memory SQLite) schema: what it writes, row by row and as a set. */
describe('applyTransition', () => {
  let ds: DataSource;
  let em: EntityManager;

  beforeEach(async () => {
    ds = createDataSource({ type: 'sqlite', path: ':memory:' });
    await ds.initialize();
    await migrate(ds);
    em = ds.manager;
  });
  afterEach(async () => {
    await ds.destroy();
  });

  async function transfer(id: string, status: TransferStatus, more: Partial<Transfer> = {}, events = 1): Promise<void> {
    const at = T0.toISOString();
    await em.insert(Transfer, {
      id, memberId: `m-${id}`, openMemberId: `m-${id}`, status, path: 'standard', destination: 'employed', target: 'employer-org',
      outgoingOrgId: 'branch', targetOrgId: 'employer', targetOrgName: null, receiverProvince: null, crossSystem: false, receiverIsBranch: true,
      answers: '{}', application: '{}', remarks: null, startedById: `m-${id}`, startedByParty: 'member',
      stageEnteredAt: at, stageDeadline: '2026-07-16T00:00:00.000Z', rejectionReason: null, assignedBranchId: null,
      retentionDetails: null, retentionFollowUpAt: null, retentionExpiresAt: null, sweepRun: null, version: 3, createdAt: at, updatedAt: at, closedAt: null,
      ...more,
    });
    for (let seq = 1; seq <= events; seq++) {
      await em.insert(TransferEvent, { id: `${id}-e${seq}`, transferId: id, seq, at, actorId: 'x', action: 'submit', comment: null, fromStatus: null, toStatus: status });
    }
  }
  const row = (id: string) => em.findOneByOrFail(Transfer, { id });
  const events = (id: string) => em.find(TransferEvent, { where: { transferId: id }, order: { seq: 'ASC' } });
  const approve = (from: TransferStatus, to: TransferStatus, actorId = 'admin'): Change => ({ from, to, action: 'approve', actorId, comment: '同意' });

  it('moves one row at the version it was read, numbering its event after the last', async () => {
    await transfer('a', 'pending-outgoing', {}, 2);
    expect(await applyTransition(em, { one: { id: 'a', version: 3 } }, approve('pending-outgoing', 'pending-incoming'), NOW)).toBe(1);
    expect(await row('a')).toMatchObject({ status: 'pending-incoming', version: 4, stageEnteredAt: NOW.toISOString(), stageDeadline: '2026-08-04T08:00:00.000Z', openMemberId: 'm-a', sweepRun: null });
    const e = await events('a');
    expect(e.map((x) => x.seq)).toEqual([1, 2, 3]);
    expect(e[2]).toMatchObject({ actorId: 'admin', action: 'approve', comment: '同意', fromStatus: 'pending-outgoing', toStatus: 'pending-incoming', at: NOW.toISOString() });
    expect(e[2].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes nothing when the row changed since it was read (another version, or another status)', async () => {
    await transfer('a', 'pending-outgoing');
    expect(await applyTransition(em, { one: { id: 'a', version: 2 } }, approve('pending-outgoing', 'pending-incoming'), NOW)).toBe(0);
    expect(await applyTransition(em, { one: { id: 'a', version: 3 } }, approve('pending-incoming', 'pending-assignment'), NOW)).toBe(0);
    expect(await row('a')).toMatchObject({ status: 'pending-outgoing', version: 3 });
    expect(await events('a')).toHaveLength(1);
  });

  it('writes the columns only one kind of step sets in the same update', async () => {
    await transfer('a', 'pending-outgoing');
    const reject: Change = { from: 'pending-outgoing', to: 'rejected', action: 'reject', actorId: 'admin', comment: '材料不全' };
    await applyTransition(em, { one: { id: 'a', version: 3 } }, reject, NOW, { rejectionReason: '材料不全' });
    expect(await row('a')).toMatchObject({ status: 'rejected', rejectionReason: '材料不全', openMemberId: null, closedAt: NOW.toISOString(), stageDeadline: null });
  });

  it('moves every row a condition picks in the stage, each with its own next event, and nothing else', async () => {
    await transfer('a', 'pending-incoming', {}, 1);
    await transfer('b', 'pending-incoming', {}, 3);
    await transfer('late', 'pending-incoming', { stageDeadline: '2026-08-01T00:00:00.000Z' });
    await transfer('other', 'pending-outgoing');
    const overdue = { sql: 'stage_deadline <= :now', params: { now: NOW.toISOString() } };
    const auto: Change = { from: 'pending-incoming', to: 'pending-assignment', action: 'auto-approve', actorId: 'system', comment: '超时' };

    expect(await applyTransition(em, { where: overdue }, auto, NOW)).toBe(2);
    expect((await events('a')).map((e) => [e.seq, e.action])).toEqual([[1, 'submit'], [2, 'auto-approve']]);
    expect((await events('b')).map((e) => [e.seq, e.action])).toEqual([[1, 'submit'], [2, 'submit'], [3, 'submit'], [4, 'auto-approve']]);
    const [ea, eb] = [(await events('a'))[1], (await events('b'))[3]];
    expect(ea.id).not.toEqual(eb.id);
    expect(ea).toMatchObject({ actorId: 'system', comment: '超时', fromStatus: 'pending-incoming', toStatus: 'pending-assignment' });
    expect(await row('late')).toMatchObject({ status: 'pending-incoming', version: 3 });
    expect(await row('other')).toMatchObject({ status: 'pending-outgoing', version: 3 });
    expect(await events('late')).toHaveLength(1);
    // A second run finds nothing left in the stage: a no-op.
    expect(await applyTransition(em, { where: overdue }, auto, NOW)).toBe(0);
    expect(await events('a')).toHaveLength(2);
  });

  it('a person and the sweep leave the same row behind', async () => {
    await transfer('byPerson', 'pending-outgoing');
    await transfer('bySweep', 'pending-outgoing');
    await applyTransition(em, { one: { id: 'byPerson', version: 3 } }, approve('pending-outgoing', 'completed'), NOW);
    await applyTransition(em, { where: { sql: "id = 'bySweep'", params: {} } }, approve('pending-outgoing', 'completed', 'system'), NOW);
    const strip = ({ id, memberId, openMemberId, startedById, sweepRun, ...rest }: Transfer) => rest;
    expect(strip(await row('bySweep'))).toEqual(strip(await row('byPerson')));
    expect((await row('bySweep')).sweepRun).not.toBeNull();
    expect(await row('byPerson')).toMatchObject({ status: 'completed', version: 4, openMemberId: null, closedAt: NOW.toISOString() });
  });

  it('runs the completion effects for rows that complete, one row or many', async () => {
    await transfer('a', 'pending-incoming');
    await transfer('b', 'pending-incoming');
    for (const id of ['a', 'b']) {
      await em.insert(Membership, { personId: `m-${id}`, orgId: 'branch', place: 'branch', graduationYear: 2026, graduatingOrgId: null, isGraduate: true, isLeagueMember: true, updatedAt: T0.toISOString() });
    }
    await applyTransition(em, { one: { id: 'a', version: 3 } }, approve('pending-incoming', 'completed'), NOW);
    expect(await em.findOneByOrFail(Membership, { personId: 'm-a' })).toMatchObject({ orgId: 'employer', updatedAt: NOW.toISOString() });
    expect(await em.findOneByOrFail(Membership, { personId: 'm-b' })).toMatchObject({ orgId: 'branch' });
    await applyTransition(em, { where: { sql: "id = 'b'", params: {} } }, approve('pending-incoming', 'completed', 'system'), NOW);
    expect(await em.findOneByOrFail(Membership, { personId: 'm-b' })).toMatchObject({ orgId: 'employer' });
  });
});

describe('recordEvents', () => {
  it('numbers a status-keeping event (修改申请) after the last, too', async () => {
    const ds = createDataSource({ type: 'sqlite', path: ':memory:' });
    await ds.initialize();
    try {
      await migrate(ds);
      const at = T0.toISOString();
      await ds.manager.insert(TransferEvent, { id: 'e1', transferId: 'a', seq: 1, at, actorId: 'x', action: 'submit', comment: null, fromStatus: null, toStatus: 'pending-outgoing' });
      await ds.manager.query(`INSERT INTO transfers (id, member_id, status, path, destination, target, outgoing_org_id, answers, application, started_by_id, started_by_party, stage_entered_at, created_at, updated_at)
        VALUES ('a', 'm', 'pending-outgoing', 'standard', 'employed', 'employer-org', 'b', '{}', '{}', 'm', 'member', '${at}', '${at}', '${at}')`);
      const modify: Change = { from: 'pending-outgoing', to: 'pending-outgoing', action: 'modify', actorId: 'm', comment: '修改了备注' };
      await recordEvents(ds.manager, { sql: 't.id = :id', params: { id: 'a' } }, modify, NOW.toISOString(), 'e2');
      expect(await ds.manager.findOneByOrFail(TransferEvent, { id: 'e2' })).toMatchObject({ seq: 2, action: 'modify', fromStatus: 'pending-outgoing', toStatus: 'pending-outgoing' });
    } finally {
      await ds.destroy();
    }
  });
});
