import {
  campaignDateProblems, campaignDaysLeft, deadlineGroupOf, defaultCampaignDates, DEADLINE_GROUPS, DESTINATION_DETAILS,
  DETAIL_DESTINATION, groupDueDate,
} from './deadlines';
import { DESTINATIONS } from './answers';

describe('deadline groups (domain §7)', () => {
  it('gives civil servants and admitted postgraduates the later date, other further study its own', () => {
    expect(deadlineGroupOf('employed')).toBe('employed-unplaced');
    expect(deadlineGroupOf('employed', 'civil-servant')).toBe('postgraduate-civil-servant');
    expect(deadlineGroupOf('further-study', 'postgraduate')).toBe('postgraduate-civil-servant');
    expect(deadlineGroupOf('further-study')).toBe('further-study');
    expect(deadlineGroupOf('unplaced')).toBe('employed-unplaced');
    expect(deadlineGroupOf('abroad-private')).toBe('employed-unplaced');
    expect(deadlineGroupOf(null)).toBe('employed-unplaced');
  });

  it('ignores a detail that does not refine the destination', () => {
    expect(deadlineGroupOf('employed', 'postgraduate')).toBe('employed-unplaced');
    expect(deadlineGroupOf('further-study', 'civil-servant')).toBe('further-study');
    for (const d of DESTINATION_DETAILS) expect(DESTINATIONS).toContain(DETAIL_DESTINATION[d]);
  });

  it('leaves out the military, classified employers and those kept at school', () => {
    for (const d of ['military', 'classified', 'study-abroad', 'delayed-graduation', 'suspended'] as const) expect(deadlineGroupOf(d)).toBeNull();
  });

  it('defaults to May 15, Aug 31, Oct 1 and Oct 31, each group to its own date', () => {
    const dates = defaultCampaignDates(2026);
    expect(dates).toEqual({
      preparationBy: '2026-05-15', startedBy: '2026-08-31', receivedBy: '2026-09-30',
      employedUnplacedBy: '2026-08-31', postgraduateCivilServantBy: '2026-10-01', furtherStudyBy: '2026-10-31',
    });
    expect(DEADLINE_GROUPS.map((g) => groupDueDate(dates, g))).toEqual(['2026-08-31', '2026-10-01', '2026-10-31']);
    expect(campaignDaysLeft(dates, new Date('2026-08-31T15:59:00Z')).employedUnplacedBy).toBe(0);
    expect(campaignDaysLeft(dates, new Date('2026-08-31T16:00:00Z')).employedUnplacedBy).toBe(-1);
    expect(campaignDaysLeft(dates, new Date('2026-05-01T00:00:00Z')).preparationBy).toBe(14);
  });
});

describe('campaign date validation', () => {
  const base = defaultCampaignDates(2026);
  it('accepts the defaults and equal dates', () => {
    expect(campaignDateProblems(2026, base)).toEqual([]);
    expect(campaignDateProblems(2026, { ...base, postgraduateCivilServantBy: '2026-08-31' })).toEqual([]);
  });

  it('wants real dates inside the graduation year, preparation before the June 1 start', () => {
    expect(campaignDateProblems(2026, { ...base, startedBy: '2026-02-30' })).toEqual([{ field: 'startedBy', message: expect.stringContaining('2026-02-30') }]);
    expect(campaignDateProblems(2026, { ...base, preparationBy: '2026-06-01' })).toEqual([{ field: 'preparationBy', message: '日期应在 2026-01-01 至 2026-05-31 之间' }]);
    expect(campaignDateProblems(2026, { ...base, furtherStudyBy: '2027-01-05' }).map((p) => p.field)).toEqual(['furtherStudyBy']);
    expect(campaignDateProblems(2026, { ...base, employedUnplacedBy: '2026-05-31' }).map((p) => p.field)).toEqual(['employedUnplacedBy']);
    expect(campaignDateProblems(2026, { ...base, startedBy: '2026-05-31', receivedBy: '2026-9-30' }).map((p) => p.field)).toEqual(['startedBy', 'receivedBy']);
  });

  it('keeps the dates in order: civil servants never before the employed, further study never before them', () => {
    expect(campaignDateProblems(2026, { ...base, postgraduateCivilServantBy: '2026-08-30' })).toEqual([
      { field: 'postgraduateCivilServantBy', message: expect.stringContaining('不能早于') },
    ]);
    expect(campaignDateProblems(2026, { ...base, furtherStudyBy: '2026-09-30' }).map((p) => p.field)).toEqual(['furtherStudyBy']);
    expect(campaignDateProblems(2026, { ...base, startedBy: '2026-10-01', receivedBy: '2026-09-30' }).map((p) => p.field))
      .toEqual(['receivedBy']);
  });
});
