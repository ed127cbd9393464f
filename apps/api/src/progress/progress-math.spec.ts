import { defaultCampaignDates } from '@xianjie/rules';
import { addTally, childIdUnder, daysLeft, emptyTally, rate, summarize, Tally } from './progress-math';
import { schoolOf } from './campaign.service';

const tally = (t: Partial<Tally>): Tally => ({ ...emptyTally(), ...t });

describe('rate', () => {
  it('is a fraction rounded to 4 places, 0 when nobody is counted', () => {
    expect(rate(11, 17)).toBe(0.6471);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(1, 1)).toBe(1);
    expect(rate(0, 0)).toBe(0);
    expect(rate(5, 0)).toBe(0);
  });
});

describe('summarize', () => {
  it('adds the kinds kept at school, the settled, and the target excluding further study and the military', () => {
    const s = summarize(tally({
      graduates: 17, started: 11, completed: 3, specialUnit: 1, floating: 1, studyAbroad: 0, delayedGraduation: 0,
      excludedFurtherStudy: 2, excludedMilitary: 3, excludedStarted: 3,
    }));
    expect(s).toEqual({
      graduates: 17, started: 11, completed: 3, retained: 1, specialUnit: 1,
      startedRate: 0.6471, completedRate: 0.1765, notStarted: 6, settled: 5, settledRate: 0.2941,
      retainedByReason: { floating: 1, studyAbroad: 0, delayedGraduation: 0 },
      target: { graduates: 12, started: 8, excludedFurtherStudy: 2, excludedMilitary: 3 },
      startedTargetRate: 0.6667,
    });
  });

  it('reports zeros, not NaN, for an empty cohort or an all-excluded one', () => {
    expect(summarize(emptyTally())).toMatchObject({ startedRate: 0, completedRate: 0, settledRate: 0, startedTargetRate: 0 });
    const allOut = summarize(tally({ graduates: 2, started: 2, excludedFurtherStudy: 1, excludedMilitary: 1, excludedStarted: 2 }));
    expect(allOut.target).toEqual({ graduates: 0, started: 0, excludedFurtherStudy: 1, excludedMilitary: 1 });
    expect(allOut.startedTargetRate).toBe(0);
  });

  it('sums branches field by field', () => {
    const sum = addTally(tally({ graduates: 2, started: 1, floating: 1 }), tally({ graduates: 3, started: 3, studyAbroad: 2 }));
    expect(sum).toMatchObject({ graduates: 5, started: 4, floating: 1, studyAbroad: 2 });
  });
});

describe('childIdUnder', () => {
  it('names the child of the org a descendant lies under', () => {
    expect(childIdUnder('/hubei/chutian/', '/hubei/chutian/chutian-cs/chutian-cs-2201/')).toBe('chutian-cs');
    expect(childIdUnder('/hubei/chutian/chutian-cs/', '/hubei/chutian/chutian-cs/chutian-cs-2201/')).toBe('chutian-cs-2201');
  });

  it('is null for the org itself and for paths outside it', () => {
    expect(childIdUnder('/hubei/chutian/', '/hubei/chutian/')).toBeNull();
    expect(childIdUnder('/hubei/chutian/', '/hubei/chutian-x/a/')).toBeNull();
    expect(childIdUnder('/hubei/chutian/', '/beijing/')).toBeNull();
  });
});

// Defaults and validation of the dates live in libs/rules (deadlines.spec.ts).
describe('days left to the progress deadlines', () => {
  it('counts whole Beijing days left, 0 on the day, negative after', () => {
    const dates = defaultCampaignDates(2026);
    expect(daysLeft(2026, dates, new Date('2026-07-01T02:00:00Z'))).toEqual({ startedBy: 61, receivedBy: 91, furtherStudyBy: 122 });
    // 23:30 Beijing on Aug 31 is still the day itself; 00:30 on Sep 1 is one day late.
    expect(daysLeft(2026, dates, new Date('2026-08-31T15:30:00Z')).startedBy).toBe(0);
    expect(daysLeft(2026, dates, new Date('2026-08-31T16:30:00Z')).startedBy).toBe(-1);
  });
});

describe('schoolOf', () => {
  it('is the topmost school-domain org on the path', () => {
    const chain = [
      { id: 'hubei', domain: 'government' as const },
      { id: 'chutian', domain: 'school' as const },
      { id: 'chutian-cs', domain: 'school' as const },
    ];
    expect(schoolOf(chain)).toBe('chutian');
    expect(schoolOf(chain.slice(0, 1))).toBeNull();
  });
});
