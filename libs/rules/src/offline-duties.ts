import type { Destination, Resolution } from './types';

/**
 * What the graduate must do on paper, beside the online transfer (domain §3, §7). Lost paper files
 * (入团志愿书, 团员证) never block the online transfer, but are re-issued (补办) by the org where the
 * member joined and handed over at the new unit; military (and classified) transfers go together
 * with the enlistment papers. Shown on the resolution card and the transfer's timeline.
 */

export const LOST_PAPERS_LINES: readonly string[] = [
  '入团志愿书、团员证等纸质材料遗失的，不影响在系统中办理转接。',
  '请到你入团时所在的团组织补办入团志愿书、团员证，再把纸质材料交到新的接收单位团组织。',
];

/** The same, for the admins on the transfer's page: about the member, not to them. */
export const LOST_PAPERS_LINES_FOR_ADMINS: readonly string[] = [
  '入团志愿书、团员证等纸质材料遗失的，不影响在系统中办理转接。',
  '由团员入团时所在的团组织补办入团志愿书、团员证，团员再把纸质材料交到新的接收单位团组织。',
];

/** Whom the lines speak to: the graduate (你) or an admin reading about them. */
export type OfflineReader = 'member' | 'admin';

export const MILITARY_PAPERS_LINE = '参军入伍的，团组织关系转接要和入伍手续一起办理：纸质材料随入伍材料一并交接。';
export const CLASSIFIED_PAPERS_LINE = '到涉密单位的，纸质材料按单位要求线下交接，不在系统中填写具体单位。';

/** Where the destination is not known (a resolution alone): both special-unit cases in one line. */
export const SPECIAL_UNIT_PAPERS_LINE = '纸质材料按规定线下交接：参军入伍的随入伍手续一并办理，到涉密单位的按单位要求办理。';

export function offlineDuties(r: Pick<Resolution, 'outcome' | 'offlinePaperwork'>, destination?: Destination, reader: OfflineReader = 'member'): string[] {
  if (r.outcome !== 'transfer' && r.outcome !== 'retain') return [];
  const lines: string[] = [];
  if (r.offlinePaperwork) {
    lines.push(destination === 'classified' ? CLASSIFIED_PAPERS_LINE : destination === 'military' ? MILITARY_PAPERS_LINE : SPECIAL_UNIT_PAPERS_LINE);
  }
  return [...lines, ...(reader === 'admin' ? LOST_PAPERS_LINES_FOR_ADMINS : LOST_PAPERS_LINES)];
}
