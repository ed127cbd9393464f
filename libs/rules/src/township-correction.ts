import type { OrgDomain, OrgKind } from './org';

/**
 * Township flag corrections (乡镇街道团委标识更正, domain §1, §7): reported level by level up to
 * the provincial committee, and on to the centre (团中央) where the flag is kept nationally.
 * Each level either decides or forwards to the next. Pure: the API reads the chain.
 */

export type TownshipCorrectionCase = 'wrongly-flagged' | 'wrongly-not-flagged' | 'flag-empty';
export const TOWNSHIP_CORRECTION_CASES: readonly TownshipCorrectionCase[] = ['wrongly-flagged', 'wrongly-not-flagged', 'flag-empty'];
export const TOWNSHIP_CORRECTION_CASE_LABELS: Record<TownshipCorrectionCase, string> = {
  'wrongly-flagged': '误标为乡镇街道团委',
  'wrongly-not-flagged': '应标未标为乡镇街道团委',
  'flag-empty': '未识别（标识为空）',
};

export type CorrectionRefusal = 'case-mismatch' | 'not-township-capable';

const TOWNSHIP_KINDS: readonly OrgKind[] = ['committee', 'working-committee', 'general-branch'];

/** Only a township-domain committee, working committee or general branch may carry the flag. */
export function canBeTownship(org: { kind: OrgKind; domain: OrgDomain }): boolean {
  return org.domain === 'township' && TOWNSHIP_KINDS.includes(org.kind);
}

/**
 * Whether a report fits the org as it is stored. Wrongly flagged: the flag is on and should be off.
 * Wrongly not flagged: off and should be on. Flag empty (never identified): either way, and the
 * decision records it as identified even where the stored value does not change.
 */
export function correctionRefusal(
  c: TownshipCorrectionCase, current: boolean, asked: boolean, org: { kind: OrgKind; domain: OrgDomain },
): CorrectionRefusal | null {
  if (c === 'wrongly-flagged' && !(current && !asked)) return 'case-mismatch';
  if (c === 'wrongly-not-flagged' && !(!current && asked)) return 'case-mismatch';
  if (asked && !canBeTownship(org)) return 'not-township-capable';
  return null;
}

/** The case a plain "the flag should be X" report is, from the stored flag. */
export function caseOf(current: boolean, asked: boolean): TownshipCorrectionCase {
  if (current === asked) return 'flag-empty';
  return current ? 'wrongly-flagged' : 'wrongly-not-flagged';
}

export interface LevelOrg {
  kind: OrgKind;
  province: string;
  parentId: string | null;
}

/**
 * Where a correction goes after this level forwards it: its parent; from a provincial committee (a
 * leading organ with no parent) to the centre; nowhere from the centre. `province === 'central'`
 * marks the national centre's orgs (contract §3).
 */
export function nextCorrectionLevel(level: LevelOrg): 'parent' | 'centre' | null {
  if (level.parentId) return 'parent';
  if (level.kind === 'leading-organ' && level.province !== 'central') return 'centre';
  return null;
}

/** The org named in full: every name from the root down, as the report must name it. */
export function fullOrgName(chain: readonly { name: string }[]): string {
  return chain.map((o) => o.name).join(' / ');
}
