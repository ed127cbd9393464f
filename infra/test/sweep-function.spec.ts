import { ensureBundles, FunctionEnv, HttpBundle, json, loadBundle, migratedDatabase, SweepBundle, tencentEvent, useFunctionEnv } from './bundles';

/**
 * sweep.js, the timer-triggered function, on the same database as http.js: a transfer started
 * through the API and left untouched is auto-approved by the hourly sweep, whose clock is the
 * trigger's `Time`; a second trigger at the same hour changes nothing.
 */
const member = { idNumber: '420111200302111021', id: 'm-cs2201-2' };
const DAY = 86_400_000;

describe('sweep.js, the timer function', () => {
  let db: FunctionEnv;
  let http: HttpBundle;
  let sweep: SweepBundle;
  let restoreEnv = () => {};

  beforeAll(() => {
    ensureBundles();
    db = migratedDatabase();
    restoreEnv = useFunctionEnv(db.env);
    http = loadBundle<HttpBundle>('http');
    sweep = loadBundle<SweepBundle>('sweep');
  }, 180_000);

  afterAll(async () => {
    await http?.close();
    await sweep?.close();
    restoreEnv();
    db?.dispose();
  });

  const timer = (at: Date) => ({ Type: 'Timer', TriggerName: 'hourly-sweep', Time: at.toISOString().replace('.000Z', 'Z'), Message: '' });

  it('runs the sweep at the trigger’s Time, auto-approves a stage untouched for 15 days, and is idempotent', async () => {
    // A graduate starts a transfer through the HTTP function (after the forced password change).
    const login = json(await http.handler(tencentEvent('POST', '/api/v1/auth/login', { body: { idNumber: member.idNumber, password: member.idNumber.slice(-8) } }), {}));
    const token = login.token as string;
    const changed = await http.handler(tencentEvent('POST', '/api/v1/auth/change-password', { token, body: { oldPassword: member.idNumber.slice(-8), newPassword: 'Xj!sweep#2026' } }), {});
    expect(changed.statusCode).toBe(204);
    const started = await http.handler(
      tencentEvent('POST', '/api/v1/transfers', { token, body: { answers: { destination: 'employed', employerHasLeagueOrg: true }, targetOrgId: 'dongfeng' } }),
      {},
    );
    expect(started.statusCode).toBe(201);
    const transfer = json(started);
    expect(transfer.status).toBe('pending-outgoing');

    // The hourly trigger, 16 days on: the outgoing stage went untouched past its 15-day deadline.
    const at = new Date(Math.ceil((Date.parse(transfer.createdAt) + 16 * DAY) / 3_600_000) * 3_600_000);
    const report = await sweep.handler(timer(at), { callbackWaitsForEmptyEventLoop: true });
    expect(report.at).toBe(at.toISOString());
    expect(report.autoApproved).toBeGreaterThanOrEqual(1);
    expect(report.autoApprovedByStage).toMatchObject({ 'pending-outgoing': expect.any(Number) });
    for (const [key, value] of Object.entries(report)) {
      if (key !== 'at' && key !== 'autoApprovedByStage') expect(typeof value).toBe('number');
    }

    const after = json(await http.handler(tencentEvent('GET', `/api/v1/transfers/${transfer.id}`, { token }), {}));
    expect(after.status).not.toBe('pending-outgoing');
    expect(after.events).toContainEqual(expect.objectContaining({ action: 'auto-approve', actorId: 'system', at: at.toISOString() }));

    // The same hour again (a retried trigger): nothing left to do.
    const again = await sweep.handler(timer(at), {});
    expect(again.autoApproved).toBe(0);
    expect(again.graduatesFlagged).toBe(0);
  });

  it('takes `now` from a manual invocation, and falls back to the clock without a usable time', async () => {
    const manual = await sweep.handler({ now: '2027-01-01T00:00:00Z' }, {});
    expect(manual.at).toBe('2027-01-01T00:00:00.000Z');
    const before = Date.now();
    const bare = await sweep.handler({ Type: 'Timer', TriggerName: 'hourly-sweep', Time: 'not a time' }, {});
    expect(Date.parse(bare.at)).toBeGreaterThanOrEqual(before - 1000);
  });
});
