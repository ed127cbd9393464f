/**
 * Deleting a member's record (domain §3, §7): only someone wrongly entered as a member; a party
 * member (党员) under 28 keeps league membership and is never deleted.
 */

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
/** League membership ends at 28; a party member younger than that is still a league member. */
export const LEAGUE_AGE_LIMIT = 28;

/** Whole years of age on `now`'s Beijing day, from the birth date in an 18-character ID number; null if unreadable. */
export function ageOn(idNumber: string, now: Date): number | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(idNumber);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const today = new Date(now.getTime() + BEIJING_OFFSET_MS);
  const [ty, tm, td] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
  return ty - y - (tm < mo || (tm === mo && td < d) ? 1 : 0);
}

export type DeletionRefusal = 'not-marked-non-member' | 'party-member-under-28';

export function recordDeletionRefusal(
  f: { isLeagueMember: boolean; isPartyMember: boolean; idNumber: string }, now: Date,
): DeletionRefusal | null {
  if (f.isLeagueMember) return 'not-marked-non-member';
  if (f.isPartyMember) {
    const age = ageOn(f.idNumber, now);
    // Unknown age: keep the membership; a wrong deletion cannot be undone, a kept record can.
    if (age === null || age < LEAGUE_AGE_LIMIT) return 'party-member-under-28';
  }
  return null;
}
