import { makeIdNumber } from './identity';
import { ageOn, recordDeletionRefusal } from './record-deletion';

const at = (iso: string): Date => new Date(iso);
// Born 1999-03-15: 28 from 2027-03-15 (Beijing), i.e. 2027-03-14T16:00Z.
const born1999 = makeIdNumber('420111', '19990315', '123');

describe('age from the ID number', () => {
  it('counts whole years on the Beijing calendar', () => {
    expect(ageOn(born1999, at('2027-03-14T15:59:59Z'))).toBe(27);
    expect(ageOn(born1999, at('2027-03-14T16:00:00Z'))).toBe(28);
    expect(ageOn(born1999, at('2026-12-31T00:00:00Z'))).toBe(27);
  });

  it('is null for an ID number without a readable birth date', () => {
    expect(ageOn('not an id', at('2026-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('deleting a record (domain §3, §7)', () => {
  const now = at('2026-07-01T00:00:00Z');
  it('only for a record marked as a wrongly entered non-member', () => {
    expect(recordDeletionRefusal({ isLeagueMember: true, isPartyMember: false, idNumber: born1999 }, now)).toBe('not-marked-non-member');
    expect(recordDeletionRefusal({ isLeagueMember: false, isPartyMember: false, idNumber: born1999 }, now)).toBeNull();
  });

  it('never for a party member under 28, who keeps league membership', () => {
    expect(recordDeletionRefusal({ isLeagueMember: false, isPartyMember: true, idNumber: born1999 }, now)).toBe('party-member-under-28');
    expect(recordDeletionRefusal({ isLeagueMember: false, isPartyMember: true, idNumber: born1999 }, at('2027-03-14T16:00:00Z'))).toBeNull();
  });

  it('a party member whose age cannot be read is kept, not deleted', () => {
    expect(recordDeletionRefusal({ isLeagueMember: false, isPartyMember: true, idNumber: 'unknown' }, now)).toBe('party-member-under-28');
  });
});
