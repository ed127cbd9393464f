import { testDatabases } from './databases';
import { startTestApp, TestApp, TestClock } from './harness';
import { ANSWERS, client, members, TRANSFER_DATA } from './transfers-fixture';

/**
 * 待处理 is a to-do list: the step the sweep decides next comes first, so with more waiting than a
 * page holds the most urgent are still on the first page (they were the last ones, newest first).
 * 已处理 and the whole box stay newest first. Paging walks the same order.
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('inbox order on %s', (_name, db) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  const next = members();
  const clock = new TestClock(new Date('2026-07-01T02:00:00Z'));
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(db, { seed: TRANSFER_DATA, clock });
    c = client(t);
    // Submitted on days 0, 1 and 2; the college passes them on to the employer on days 2, 1 and 3:
    // the employer's deadlines run b, a, c — neither the order they were made nor its reverse.
    const submitted: [string, number][] = [['a', 0], ['b', 1], ['c', 2]];
    for (const [key, day] of submitted) {
      clock.current = new Date(Date.UTC(2026, 6, 1 + day, 2));
      const res = await c.start(next('cs2201'), { answers: ANSWERS.employedWithOrg, targetOrgId: 'dongfeng-rd' });
      expect(res.status).toBe(201);
      ids[res.body.id] = key;
    }
    const byKey = Object.fromEntries(Object.entries(ids).map(([id, key]) => [key, id]));
    for (const [key, day] of [['b', 1], ['a', 2], ['c', 3]] as const) {
      clock.current = new Date(Date.UTC(2026, 6, 1 + day, 3));
      expect((await c.act('a-chutian-cs', byKey[key]!, 'approve')).status).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const keys = async (who: string, query: string) => {
    const res = await c.get(who, `/transfers?${query}`);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((i) => ids[i.id] ?? '?');
  };

  it('待处理: the nearest deadline first, paged in that order', async () => {
    expect(await keys('a-dongfeng', 'box=incoming&state=pending')).toEqual(['b', 'a', 'c']);
    expect(await keys('a-dongfeng', 'box=incoming&state=pending&limit=2')).toEqual(['b', 'a']);
    expect(await keys('a-dongfeng', 'box=incoming&state=pending&limit=2&offset=2')).toEqual(['c']);
  });

  it('已处理 and the whole box: newest first', async () => {
    expect(await keys('a-chutian-cs', 'box=outgoing&state=done')).toEqual(['c', 'b', 'a']);
    expect(await keys('a-dongfeng', 'box=incoming')).toEqual(['c', 'b', 'a']);
  });
});
