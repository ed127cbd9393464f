import { resolve } from './resolve';
import { CLASSIFIED_PAPERS_LINE, LOST_PAPERS_LINES, LOST_PAPERS_LINES_FOR_ADMINS, MILITARY_PAPERS_LINE, offlineDuties, SPECIAL_UNIT_PAPERS_LINE } from './offline-duties';

describe('offline duties beside the online transfer', () => {
  it('military: with the enlistment papers, and lost files re-issued where the member joined', () => {
    const r = resolve({ destination: 'military' });
    expect(offlineDuties(r, 'military')).toEqual([MILITARY_PAPERS_LINE, ...LOST_PAPERS_LINES]);
    expect(MILITARY_PAPERS_LINE).toContain('入伍');
    expect(LOST_PAPERS_LINES.join('')).toMatch(/补办入团志愿书、团员证.*新的接收单位/);
  });
  it('classified: its own line', () => {
    expect(offlineDuties(resolve({ destination: 'classified' }), 'classified')[0]).toBe(CLASSIFIED_PAPERS_LINE);
    // A resolution alone does not say which of the two it is.
    expect(offlineDuties(resolve({ destination: 'classified' }))[0]).toBe(SPECIAL_UNIT_PAPERS_LINE);
  });
  it('an ordinary transfer or retention: only the lost-papers lines; nothing when no transfer is made', () => {
    expect(offlineDuties(resolve({ destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'other' }))).toEqual([...LOST_PAPERS_LINES]);
    expect(offlineDuties(resolve({ destination: 'delayed-graduation' }))).toEqual([...LOST_PAPERS_LINES]);
    expect(offlineDuties(resolve({ destination: 'further-study', admittedSchoolOrgReady: false }))).toEqual([]);
  });

  it('speaks about the member, not to them, on an admin’s page', () => {
    const lines = offlineDuties(resolve({ destination: 'military' }), 'military', 'admin');
    expect(lines).toEqual([MILITARY_PAPERS_LINE, ...LOST_PAPERS_LINES_FOR_ADMINS]);
    expect(lines.join('')).not.toContain('你');
    expect(offlineDuties(resolve({ destination: 'military' }), 'military').join('')).toContain('你');
  });
});
