import { redact } from './redact';

describe('redact', () => {
  it('masks ID numbers and mobiles wherever they appear in a log line', () => {
    const line = 'duplicate key value violates unique constraint "UQ_people_id_number": Key (id_number)=(42011120020110101X) already exists; phone 13827000001.';
    const out = redact(line);
    expect(out).not.toContain('42011120020110101X');
    expect(out).not.toContain('13827000001');
    expect(out).toContain('420111********101X');
    expect(out).toContain('138****0001');
  });

  it('leaves other numbers alone', () => {
    expect(redact('took 1234 ms, id 2026-11-22, order 123456789012345678901')).toBe('took 1234 ms, id 2026-11-22, order 123456789012345678901');
  });
});
