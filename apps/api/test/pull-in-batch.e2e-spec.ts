import ExcelJS from 'exceljs';
import { makeIdNumber } from '@xianjie/rules';
import { TransfersService } from '../src/transfers/transfers.service';
import { testDatabases } from './databases';
import { startTestApp, TestApp } from './harness';
import { client, idOf, members, nameOf, rows, TRANSFER_DATA, ANSWERS } from './transfers-fixture';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(header: string[], rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const s = book.addWorksheet('Sheet1');
  s.addRow(header);
  for (const r of rows) s.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Issue #12: 批量转入 — a school's intake as an `.xlsx`, every row answered, nothing half-done. */
describe.each(testDatabases().map((d) => [d.name, d] as const))('batch pull-in on %s', (_name, db) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  const next = members();

  beforeAll(async () => {
    t = await startTestApp(db, { seed: TRANSFER_DATA });
    c = client(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = async (who: string, bytes: Buffer | string, type = XLSX) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/transfers/pull-in/batch', headers: { authorization: `Bearer ${await c.tok(who)}`, 'content-type': type }, payload: bytes });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };
  const transfersOf = async (m: string) => (await c.get(m, `/members/${m}/transfers`)).body as { id: string; status: string; targetOrgId: string }[];
  const UNKNOWN_ID = makeIdNumber('420111', '19990101', '998');

  it('answers every row of a mixed file: started / not found / already in progress / not a fitting target / invalid', async () => {
    const [a, b, wrongName, wrongId, open, floating, outside, dup] = Array.from({ length: 8 }, () => next('jt2101'));
    await c.start('a-jianghan', { memberId: open, answers: ANSWERS.military });
    const bytes = await sheet(['姓名', '身份证号', '接收团支部'], [
      [nameOf(a), idOf(a), 'chutian-grad-2026'],
      [nameOf(b), idOf(b).toLowerCase(), '2026级硕士研究生第一团支部'], // by name, typed in lower case
      [`${nameOf(wrongName)}甲`, idOf(wrongName), 'chutian-grad'],
      [nameOf(wrongId), UNKNOWN_ID, 'chutian-grad'],
      [nameOf(open), idOf(open), 'chutian-grad'],
      [nameOf(floating), idOf(floating), 'chutian-floating'], // the school's own, but not a new students' org
      [nameOf(outside), idOf(outside), 'dongfeng'], // not the caller's
      [nameOf(dup), idOf(dup), 'chutian-grad'],
      [nameOf(dup), idOf(dup), 'chutian-grad'], // the same member twice: the second meets the first
      ['某某', '420111200401010010', 'chutian-grad'], // check character wrong
      ['', idOf(next('jt2101')), 'chutian-grad'],
    ]);
    const res = await upload('a-chutian', bytes);
    expect(res.status).toBe(200);
    const rows = res.body.rows as { row: number; status: string; message: string; idNumberMasked: string; transferId?: string }[];
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'started'], [3, 'started'], [4, 'not-found'], [5, 'not-found'], [6, 'in-progress'], [7, 'not-fitting'],
      [8, 'not-fitting'], [9, 'started'], [10, 'in-progress'], [11, 'invalid'], [12, 'invalid'],
    ]);
    expect(res.body.counts).toEqual({ started: 3, 'not-found': 2, 'in-progress': 2, 'not-fitting': 2, invalid: 2 });
    expect(res.body.total).toBe(11);
    // A wrong name and a wrong ID number read the same; nothing in the answer shows a full ID number.
    expect(rows[2].message).toBe(rows[3].message);
    expect(JSON.stringify(res.body)).not.toContain(idOf(a));
    expect(rows[0].idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(rows[5].message).toContain('新生团组织');

    // Started rows are whole pull-ins, with the receiving admin as starter; every other row left nothing.
    const [ta] = await transfersOf(a);
    expect(ta).toMatchObject({ id: rows[0].transferId, status: 'pending-outgoing', targetOrgId: 'chutian-grad-2026' });
    const seen = await c.get('a-chutian', `/transfers/${ta.id}`);
    expect(seen.body).toMatchObject({ target: 'admitted-school-org', startedBy: { id: 'a-chutian', party: 'receiving-admin' } });
    expect((await transfersOf(b))[0].targetOrgId).toBe('chutian-grad-2026');
    expect(await transfersOf(dup)).toHaveLength(1);
    for (const m of [wrongName, wrongId, floating, outside]) expect(await transfersOf(m)).toEqual([]);
    expect((await transfersOf(open))[0].status).toBe('pending-outgoing');

    // Uploading the same file again starts nothing new: the started rows are now in progress.
    const again = await upload('a-chutian', bytes);
    expect(again.body.counts.started).toBe(0);
    expect(again.body.counts['in-progress']).toBe(5);
  });

  // Review of session 11: a start meeting MEMBER_MOVED (the member moved between its read and its write) was
  // rethrown, so the whole upload answered 409 after the rows before it had started, and later rows were never tried.
  it('a row whose member moved meanwhile is that row’s answer; the rows after it are still tried', async () => {
    const [a, moved, b] = Array.from({ length: 3 }, () => next('jt2101'));
    const service = t.app.get(TransfersService) as unknown as { startingFor: (...args: unknown[]) => Promise<{ person: { id: string } }> };
    const startingFor = service.startingFor.bind(service);
    const spy = jest.spyOn(service, 'startingFor').mockImplementation(async (...args) => {
      const seen = await startingFor(...args);
      if (seen.person.id === moved) await rows(t, "UPDATE memberships SET org_id = 'chutian-cs-2201' WHERE person_id = ?", [moved]);
      return seen;
    });
    const res = await upload('a-chutian', await sheet(['姓名', '身份证号', '接收团支部'], [
      [nameOf(a), idOf(a), 'chutian-grad-2026'], [nameOf(moved), idOf(moved), 'chutian-grad-2026'], [nameOf(b), idOf(b), 'chutian-grad-2026'],
    ]));
    spy.mockRestore();
    expect(res.status).toBe(200);
    const answered = res.body.rows as { row: number; status: string; message: string }[];
    expect(answered.map((r) => [r.row, r.status])).toEqual([[2, 'started'], [3, 'not-fitting'], [4, 'started']]);
    expect(answered[1].message).toContain('刚刚发生了变化');
    expect(await transfersOf(moved)).toEqual([]);
  });

  it('reads English headers and branch ids too; a new-students admin pulls into its own org only', async () => {
    const [a, b] = [next('jt2101'), next('jt2101')];
    const res = await upload('a-chutian-grad', await sheet(['memberName', 'memberIdNumber', 'branch'], [
      [nameOf(a), idOf(a), 'chutian-grad'],
      [nameOf(b), idOf(b), 'chutian-floating'], // the school's, but above this admin
    ]));
    expect(res.body.rows.map((r: { status: string }) => r.status)).toEqual(['started', 'not-fitting']);
    expect(await transfersOf(b)).toEqual([]);
  });

  it('refuses a file it cannot read, or one without the three columns, as a whole (400, nothing started)', async () => {
    const m = next('jt2101');
    for (const bytes of [
      Buffer.from('not a zip at all'),
      await sheet(['姓名', '身份证号'], [[nameOf(m), idOf(m)]]),
      await sheet(['姓名', '身份证号', '接收团支部'], []),
    ]) {
      const res = await upload('a-chutian', bytes);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    }
    const json = await upload('a-chutian', JSON.stringify({ rows: [] }), 'application/json');
    expect(json.status).toBe(400);
    expect(await transfersOf(m)).toEqual([]);
  });

  it('is for admins only, and the template lists the three columns', async () => {
    const m = next('jt2101');
    const bytes = await sheet(['姓名', '身份证号', '接收团支部'], [[nameOf(m), idOf(m), 'chutian-grad']]);
    expect((await upload(m, bytes)).status).toBe(403);
    expect((await upload('a-cs-counsellor', bytes)).status).toBe(403);
    const tpl = await t.app.inject({ method: 'GET', url: '/api/v1/transfers/pull-in/template', headers: { authorization: `Bearer ${await c.tok('a-chutian')}` } });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].getRow(1).values).toEqual([undefined, '姓名', '身份证号', '接收团支部']);
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/transfers/pull-in/template', headers: { authorization: `Bearer ${await c.tok(m)}` } });
    expect(denied.statusCode).toBe(403);
  });

  it('cannot become an oracle: 1,000 rows a file, a daily row budget per admin, a byte cap (nothing started when refused)', async () => {
    const m = next('jt2101');
    const guesses = (n: number) => Array.from({ length: n }, (_, i) => ['某某', makeIdNumber('420111', '19990101', String(i % 1000).padStart(3, '0')), 'dongfeng-rd']);
    const tooLong = await upload('a-dongfeng', await sheet(['姓名', '身份证号', '接收团支部'], guesses(1001)));
    expect({ status: tooLong.status, message: tooLong.body.message }).toEqual({ status: 400, message: '一次最多导入 1000 行，请分批上传' });
    // Three full files use the day's 3,000 rows; the next row is refused, the file as a whole.
    const full = await sheet(['姓名', '身份证号', '接收团支部'], guesses(1000));
    for (let i = 0; i < 3; i++) {
      const res = await upload('a-dongfeng', full);
      expect(res.status).toBe(200);
      expect(res.body.counts['not-found']).toBe(1000);
    }
    const one = await sheet(['姓名', '身份证号', '接收团支部'], [[nameOf(m), idOf(m), 'dongfeng-rd']]);
    const over = await upload('a-dongfeng', one);
    expect({ status: over.status, code: over.body.code }).toEqual({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
    expect(await transfersOf(m)).toEqual([]);
    // Another admin is not held up; the budget comes back a day later.
    expect((await upload('a-chutian-grad', await sheet(['姓名', '身份证号', '接收团支部'], [['某某', UNKNOWN_ID, 'chutian-grad']]))).status).toBe(200);
    const now = t.clock.current;
    t.clock.current = new Date(now.getTime() + 24 * 3600_000 + 1000);
    try {
      expect((await upload('a-dongfeng', await sheet(['姓名', '身份证号', '接收团支部'], [['某某', UNKNOWN_ID, 'dongfeng-rd']]))).status).toBe(200);
    } finally {
      t.clock.current = now;
    }
    const huge = await upload('a-dongfeng', Buffer.alloc(1024 * 1024 + 1, 1));
    expect(huge.status).toBe(413);
  });
});
