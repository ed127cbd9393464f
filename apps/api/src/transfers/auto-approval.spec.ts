import { AUTO_STEPS } from './auto-approval';

describe('AUTO_STEPS (from the libs/rules lifecycle)', () => {
  it('approves every approval stage of every shape, never an assignment', () => {
    const table = AUTO_STEPS.map((s) => `${s.shapeSql.split(' AND ')[0]} | ${s.stage} → ${s.next}`);
    expect(table).toEqual([
      "path = 'standard' | pending-outgoing → pending-incoming",
      "path = 'standard' | pending-incoming → completed",
      "path = 'standard' | pending-outgoing → pending-incoming",
      "path = 'standard' | pending-incoming → pending-assignment",
      "path = 'standard' | pending-outgoing → completed",
      "path = 'special-unit' | pending-outgoing → pending-provincial",
      "path = 'special-unit' | pending-provincial → completed",
      "path = 'retention' | pending-outgoing → completed",
    ]);
    expect(AUTO_STEPS.some((s) => s.stage === 'pending-assignment')).toBe(false);
  });
});
