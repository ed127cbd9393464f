import { DataSource } from 'typeorm';
import { testDatabases } from './databases';
import { Reply } from './harness';
import { useTestApp } from './use-test-app';
import { ANSWERS, client, members, TRANSFER_DATA } from './transfers-fixture';

/**
 * The submission's round trips are budgeted (issue #13): a later change must not quietly add one.
 * The plan for a graduate submitting their own transfer (issue #13 asks ≤ 8 in all):
 *   actor (auth guard)   person, grants, their orgs, membership and its branch in one statement —
 *                        reused below                                                       1
 *   chain + receiver     the branch's ancestors by the ids in its materialised path, their
 *                        org-admins, and the named receiver, in one statement                1
 *   the write            PostgreSQL: one INSERT of the transfer in a CTE and its first event 1
 *                        MySQL, SQLite (no writable CTEs): BEGIN, two INSERTs, COMMIT        4
 * The answer is built from what was written: nothing is read back. A saving is not spent again unnoticed.
 */
const BUDGET: Record<string, number> = { postgres: 3, mysql: 6, sqlite: 6 };

describe.each(testDatabases().map((d) => [d.name, d] as const))('statements per submission on %s', (name, db) => {
  const budget = BUDGET[name];
  const t = useTestApp(db, { seed: TRANSFER_DATA });
  const c = client(t);
  const next = members();

  /** The statements the database sees while `work` runs, from TypeORM's own query logger. */
  async function statements(work: () => Promise<unknown>): Promise<string[]> {
    const logger = t.app.get(DataSource).logger;
    const seen: string[] = [];
    const original = logger.logQuery.bind(logger);
    const spy = jest.spyOn(logger, 'logQuery').mockImplementation((query, ...rest) => {
      seen.push(query);
      return original(query, ...rest);
    });
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return seen;
  }

  it(`a graduate's own submission runs at most ${budget} statements, and answers what a later read shows`, async () => {
    const m = next('cs2201');
    const token = await c.tok(m);
    let res!: Reply;
    const seen = await statements(async () => {
      res = await t.request('POST', '/transfers', { token, body: { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' } });
    });
    expect(res.status).toBe(201);
    expect(seen.length).toBeGreaterThan(0);
    if (seen.length > budget) throw new Error(`${seen.length} statements (budget ${budget}):\n${seen.join('\n')}`);

    const read = await t.request('GET', `/transfers/${res.body.id}`, { token });
    expect(read.status).toBe(200);
    expect(res.body).toEqual(read.body);
  });

  it('a second submission for the same member is still refused with 409, whoever started the first', async () => {
    const m = next('cs2201');
    const first = await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
    expect(first.status).toBe(201);
    const again = await c.start(m, { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBeDefined();
  });
});
