import { randomUUID } from 'node:crypto';
import { Database } from '../src/database/database.service';
import { isUniqueViolation } from '../src/common/db-errors';
import { Transfer } from '../src/transfers/transfer.entity';
import { TransferReader } from '../src/transfers/transfer-reader';
import { TransfersService } from '../src/transfers/transfers.service';
import { testDatabases } from './databases';
import { useTestApp } from './use-test-app';
import { ANSWERS, client, members, rows, TRANSFER_DATA } from './transfers-fixture';

/** IDOR on every transfer route, and the one-open-transfer guarantee under concurrency. */
describe.each(testDatabases().map((d) => [d.name, d] as const))('transfer guards on %s', (_name, db) => {
  const t = useTestApp(db, { seed: TRANSFER_DATA });
  const c = client(t);
  const next = members();

  const count = async (sql: string, params: unknown[]) => Number(Object.values((await rows(t, sql, params))[0])[0]);

  describe('IDOR: every route answers 404 to a caller who is no party', () => {
    let member: string;
    let id: string;
    let special: string;
    // Another college's admin, another school's admin, an unrelated receiving admin, a reviewer
    // of another province, and another graduate of the same class.
    let outsiders: string[];

    beforeAll(async () => {
      member = next('cs2201');
      outsiders = ['a-chutian-ee', 'a-jianghan', 'a-dongfeng', 'a-hunan-reviewer', next('cs2201')];
      id = (await c.start(member, { answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' })).body.id;
      special = (await c.start(next('cs2201'), { answers: ANSWERS.military })).body.id;
      await c.act('a-chutian-cs', special, 'approve');
    });

    it('GET /transfers/:id', async () => {
      for (const who of outsiders) {
        for (const target of [id, special]) {
          const res = await c.get(who, `/transfers/${target}`);
          expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 404, code: 'TRANSFER_NOT_FOUND' });
        }
      }
      expect((await c.get(member, '/transfers/no-such-id')).status).toBe(404);
    });

    it.each(['approve', 'reject', 'withdraw', 'assign'] as const)('POST /transfers/:id/%s', async (step) => {
      const body = step === 'reject' ? { reason: '越权' } : step === 'assign' ? { branchId: 'guanshan-youth-home' } : {};
      for (const who of outsiders) {
        for (const target of [id, special]) {
          const res = await c.act(who, target, step, body);
          expect({ who, target, status: res.status }).toEqual({ who, target, status: 404 });
        }
      }
      expect((await c.act(member, 'no-such-id', step, body)).status).toBe(404);
    });

    it('GET /members/:id/transfers', async () => {
      for (const who of outsiders) {
        const res = await c.get(who, `/members/${member}/transfers`);
        expect({ who, status: res.status }).toEqual({ who, status: 404 });
      }
    });

    it('GET /transfers?box= lists nothing outside the caller’s scope', async () => {
      for (const who of ['a-chutian-ee', 'a-jianghan', 'a-dongfeng']) {
        for (const box of ['outgoing', 'incoming']) {
          const res = await c.get(who, `/transfers?box=${box}`);
          expect(res.status).toBe(200);
          expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
          expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(special);
        }
      }
      expect((await c.get('a-hunan-reviewer', '/transfers?box=provincial')).body.items).toEqual([]);
      for (const box of ['outgoing', 'incoming', 'provincial']) {
        expect((await c.get(outsiders[4], `/transfers?box=${box}`)).status).toBe(403);
      }
    });

    it('POST /transfers for someone else’s member', async () => {
      for (const who of outsiders) {
        const res = await c.start(who, { memberId: member, answers: ANSWERS.military });
        expect({ who, status: res.status }).toEqual({ who, status: 404 });
      }
    });

    it('left both transfers untouched', async () => {
      const open = await c.get(member, `/transfers/${id}`);
      expect(open.body.status).toBe('pending-outgoing');
      expect(open.body.events).toHaveLength(1);
      expect((await c.get('a-hubei-reviewer', `/transfers/${special}`)).body.status).toBe('pending-provincial');
    });
  });

  describe('one transfer in flight per member', () => {
    it('20 parallel starts for one member: exactly one 201, nineteen 409 TRANSFER_IN_PROGRESS, one row', async () => {
      const m = next('cs2202');
      const token = await c.tok(m);
      const body = { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' };
      const replies = await Promise.all(Array.from({ length: 20 }, () => t.request('POST', '/transfers', { token, body })));
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([201, ...Array(19).fill(409)]);
      for (const r of replies.filter((x) => x.status === 409)) {
        expect(r.body.code).toBe('TRANSFER_IN_PROGRESS');
        expect(r.body.message).toContain('已有业务正在办理');
      }
      expect(await count('SELECT COUNT(*) AS n FROM transfers WHERE member_id = ?', [m])).toBe(1);
      expect(await count('SELECT COUNT(*) AS n FROM transfer_events e INNER JOIN transfers x ON x.id = e.transfer_id WHERE x.member_id = ?', [m])).toBe(1);
    });

    it('parallel starts by the member and two admins: still one', async () => {
      const m = next('cs2201');
      const starts = [
        c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' }),
        c.start('a-cs2201-secretary', { memberId: m, answers: ANSWERS.military }),
        c.start('a-chutian-cs', { memberId: m, answers: ANSWERS.employedNoOrg, targetOrgId: 'guanshan-transition' }),
        c.pullIn('a-dongfeng', m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng-rd' }),
      ];
      const statuses = (await Promise.all(starts)).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409]);
      expect(await count('SELECT COUNT(*) AS n FROM transfers WHERE open_member_id = ?', [m])).toBe(1);
    });

    it('the database itself refuses a second open row (unique open_member_id), and allows many closed ones', async () => {
      const m = next('cs2201');
      const first = (await c.start(m, { answers: ANSWERS.military })).body.id;
      const database = t.app.get(Database);
      const row = await database.manager.findOneByOrFail(Transfer, { id: first });
      let error: unknown = null;
      try {
        await database.transaction((em) => em.insert(Transfer, { ...row, id: randomUUID() }));
      } catch (e) {
        error = e;
      }
      expect(isUniqueViolation(error)).toBe(true);
      await c.act(m, first, 'withdraw');
      const second = (await c.start(m, { answers: ANSWERS.military })).body.id;
      await c.act(m, second, 'withdraw');
      expect(await count('SELECT COUNT(*) AS n FROM transfers WHERE member_id = ? AND open_member_id IS NULL', [m])).toBe(2);
    });

    it('parallel approvals of one stage: exactly one goes through, one event', async () => {
      const m = next('cs2202');
      const id = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      const token = await c.tok('a-chutian-cs');
      const replies = await Promise.all(Array.from({ length: 8 }, () => t.request('POST', `/transfers/${id}/approve`, { token, body: {} })));
      expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
      for (const r of replies.filter((x) => x.status !== 200)) {
        expect(['TRANSFER_CHANGED', 'NOT_YOUR_STEP']).toContain(r.body.code);
      }
      const seen = await c.get(m, `/transfers/${id}`);
      expect(seen.body.status).toBe('pending-incoming');
      expect(seen.body.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'approve']);
    });
  });

  describe('step routes', () => {
    it('refuse unknown body fields (400 VALIDATION_FAILED)', async () => {
      const m = next('cs2202');
      const id = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      for (const [step, body] of [
        ['approve', { comment: 'ok', force: true }],
        ['reject', { reason: '不符', status: 'completed' }],
        ['withdraw', { memberId: 'x' }],
        ['assign', { branchId: 'dongfeng-rd', status: 'completed' }],
      ] as const) {
        const res = await c.act('a-chutian-cs', id, step, body);
        expect({ step, status: res.status, code: res.body.code }).toEqual({ step, status: 400, code: 'VALIDATION_FAILED' });
      }
      expect((await c.act('a-chutian-cs', id, 'approve', { comment: '意'.repeat(501) })).status).toBe(400);
      expect((await c.get(m, `/transfers/${id}`)).body.status).toBe('pending-outgoing');
    });

    it('a step decided on a transfer someone changed meanwhile is refused (409 TRANSFER_CHANGED), nothing written', async () => {
      const m = next('cs2202');
      const id = (await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' })).body.id;
      const reader = t.app.get(TransferReader);
      const visible = reader.visible.bind(reader);
      // As if another approver committed between this request's read and its write.
      const spy = jest.spyOn(reader, 'visible').mockImplementationOnce(async (...args) => {
        const seen = await visible(...args);
        return { ...seen, transfer: Object.assign(new Transfer(), seen.transfer, { version: seen.transfer.version - 1 }) };
      });
      const res = await c.act('a-chutian-cs', id, 'approve');
      spy.mockRestore();
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('TRANSFER_CHANGED');
      const after = await c.get(m, `/transfers/${id}`);
      expect(after.body.status).toBe('pending-outgoing');
      expect(after.body.events).toHaveLength(1);
    });

    // Race review F1: a start read the membership, another transfer completed (or an import moved
    // the member) before its insert, and the new transfer was built on a branch the member had left.
    it.each([
      ['moved to another branch', "org_id = 'chutian-cs-2201'"],
      ['handed over to another system', "place = 'other-system'"],
    ])('a start whose member was %s between its read and its write is refused (409 MEMBER_MOVED), nothing written', async (_case, change) => {
      for (const who of ['member', 'a-chutian-cs'] as const) {
        const m = next('cs2202');
        const service = t.app.get(TransfersService) as unknown as { startingFor: (...args: unknown[]) => Promise<unknown> };
        const startingFor = service.startingFor.bind(service);
        const spy = jest.spyOn(service, 'startingFor').mockImplementationOnce(async (...args) => {
          const seen = await startingFor(...args);
          await rows(t, `UPDATE memberships SET ${change} WHERE person_id = ?`, [m]);
          return seen;
        });
        const body = { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng', ...(who === 'member' ? {} : { memberId: m }) };
        const res = await c.start(who === 'member' ? m : who, body);
        spy.mockRestore();
        expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 409, code: 'MEMBER_MOVED' });
        expect(await count('SELECT COUNT(*) AS n FROM transfers WHERE member_id = ?', [m])).toBe(0);
        expect(await count('SELECT COUNT(*) AS n FROM transfer_events e JOIN transfers x ON x.id = e.transfer_id WHERE x.member_id = ?', [m])).toBe(0);
      }
    });

    it('after MEMBER_MOVED, starting again builds the transfer on the branch the member is in now', async () => {
      const m = next('cs2202');
      const service = t.app.get(TransfersService) as unknown as { startingFor: (...args: unknown[]) => Promise<unknown> };
      const startingFor = service.startingFor.bind(service);
      const spy = jest.spyOn(service, 'startingFor').mockImplementationOnce(async (...args) => {
        const seen = await startingFor(...args);
        await rows(t, "UPDATE memberships SET org_id = 'chutian-cs-2201' WHERE person_id = ?", [m]);
        return seen;
      });
      const body = { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng', memberId: m };
      expect((await c.start('a-chutian-cs', body)).body.code).toBe('MEMBER_MOVED');
      spy.mockRestore();
      const again = await c.start('a-chutian-cs', body);
      expect(again.status).toBe(201);
      expect(again.body.application.outgoingBranch.id).toBe('chutian-cs-2201');
    });
  });
});
