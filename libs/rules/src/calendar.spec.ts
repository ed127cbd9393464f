import {
  FLOATING_RETENTION_MONTHS, addDays, dayFromText, graduationMarkProblem, addMonths, beijingDateString, beijingDateTimeString, beijingMidnight, currentCampaignYear, daysUntil,
  deadlinesFor, defaultDeadlines, endOfBeijingDay, graduationFlipDate, isRetentionExpired, parseDateString,
  graduationDay, retentionDates, wholeMonthsSince,
} from './calendar';

const at = (iso: string): Date => new Date(iso);

describe('Beijing days', () => {
  it('starts a day at 16:00Z the day before', () => {
    expect(beijingMidnight(2025, 6, 1)).toEqual(at('2025-05-31T16:00:00.000Z'));
    expect(endOfBeijingDay(2025, 8, 31)).toEqual(at('2025-08-31T15:59:59.999Z'));
    expect(endOfBeijingDay(2024, 12, 31)).toEqual(at('2024-12-31T15:59:59.999Z'));
  });

  it('formats the Beijing date, not the UTC one', () => {
    expect(beijingDateString(at('2025-05-31T16:00:00Z'))).toBe('2025-06-01');
    expect(beijingDateString(at('2025-05-31T15:59:59Z'))).toBe('2025-05-31');
  });

  it('formats the Beijing date and time to the minute', () => {
    expect(beijingDateTimeString(at('2025-05-31T16:30:59Z'))).toBe('2025-06-01 00:30');
    expect(beijingDateTimeString(at('2025-12-31T15:59:00Z'))).toBe('2025-12-31 23:59');
  });

  it('parses real dates only', () => {
    expect(parseDateString('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-06-00', '2025-6-1', 'soon']) {
      expect(() => parseDateString(bad)).toThrow(RangeError);
    }
  });
});

describe('graduation flip and campaign year', () => {
  it('flips on June 1, Beijing midnight', () => {
    expect(graduationFlipDate(2025)).toEqual(at('2025-05-31T16:00:00.000Z'));
  });

  it.each([
    ['2025-05-31T15:59:59.999Z', 2024],
    ['2025-05-31T16:00:00.000Z', 2025],
    ['2025-12-31T15:59:59.999Z', 2025],
    ['2025-12-31T16:00:00.000Z', 2025], // Jan 1 2026 in Beijing, still before the 2026 flip
    ['2026-01-15T00:00:00.000Z', 2025],
    ['2026-06-01T00:00:00.000Z', 2026],
  ])('at %s the campaign is %i', (now, year) => {
    expect(currentCampaignYear(at(now))).toBe(year);
  });
});

describe('deadlines', () => {
  it('defaults to Aug 31, Sep 30 and Oct 31, each to the end of the Beijing day', () => {
    expect(defaultDeadlines(2025)).toEqual({
      startedBy: at('2025-08-31T15:59:59.999Z'),
      receivedBy: at('2025-09-30T15:59:59.999Z'),
      furtherStudyBy: at('2025-10-31T15:59:59.999Z'),
    });
  });

  it('takes a school\'s own dates as days or instants', () => {
    const instant = at('2025-09-15T08:00:00Z');
    expect(deadlinesFor(2025, { startedBy: '2025-07-31', receivedBy: instant })).toEqual({
      startedBy: at('2025-07-31T15:59:59.999Z'),
      receivedBy: instant,
      furtherStudyBy: at('2025-10-31T15:59:59.999Z'),
    });
    expect(deadlinesFor(2025)).toEqual(defaultDeadlines(2025));
  });

  it('does not share the caller\'s Date', () => {
    const instant = at('2025-09-15T08:00:00Z');
    const d = deadlinesFor(2025, { receivedBy: instant });
    d.receivedBy.setTime(0);
    expect(instant).toEqual(at('2025-09-15T08:00:00Z'));
  });

  it('refuses an impossible override', () => {
    expect(() => deadlinesFor(2025, { startedBy: '2025-02-30' })).toThrow(RangeError);
  });

  it('counts whole Beijing days to a deadline', () => {
    const deadline = endOfBeijingDay(2025, 8, 31);
    expect(daysUntil(deadline, at('2025-08-30T16:00:00Z'))).toBe(0); // Aug 31 00:00 Beijing
    expect(daysUntil(deadline, at('2025-08-30T15:59:59Z'))).toBe(1);
    expect(daysUntil(deadline, at('2025-08-01T02:00:00Z'))).toBe(30);
    expect(daysUntil(deadline, at('2025-08-31T16:00:00Z'))).toBe(-1);
  });
});

describe('adding time', () => {
  it('adds days', () => {
    expect(addDays(at('2025-06-01T00:00:00Z'), 15)).toEqual(at('2025-06-16T00:00:00Z'));
    expect(addDays(at('2025-06-01T00:00:00Z'), -1)).toEqual(at('2025-05-31T00:00:00Z'));
  });

  it.each([
    ['2025-06-30T02:00:00Z', 6, '2025-12-30T02:00:00Z'],
    ['2025-08-30T16:00:00Z', 6, '2026-02-27T16:00:00Z'], // Aug 31 Beijing → Feb 28 Beijing
    ['2023-08-30T16:00:00Z', 6, '2024-02-28T16:00:00Z'], // → Feb 29 in a leap year
    ['2025-01-31T03:00:00Z', 1, '2025-02-28T03:00:00Z'],
    ['2025-06-15T03:00:00Z', 12, '2026-06-15T03:00:00Z'],
    ['2025-03-31T03:00:00Z', -1, '2025-02-28T03:00:00Z'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonths(at(from), months)).toEqual(at(to));
  });
});

describe('retention', () => {
  it('follows up at 6 months and expires at 12', () => {
    expect(FLOATING_RETENTION_MONTHS).toEqual({ usual: 6, max: 12 });
    expect(retentionDates(at('2025-07-01T02:00:00Z'))).toEqual({
      followUpAt: at('2026-01-01T02:00:00Z'),
      expiresAt: at('2026-07-01T02:00:00Z'),
    });
  });

  it('is expired from the 12-month mark on', () => {
    const start = at('2025-07-01T02:00:00Z');
    expect(isRetentionExpired(start, at('2026-07-01T01:59:59Z'))).toBe(false);
    expect(isRetentionExpired(start, at('2026-07-01T02:00:00Z'))).toBe(true);
  });
});

describe('the graduation date the school holds', () => {
  it('is the branch mark’s date, else June 30 of the graduation year (Beijing midnight)', () => {
    expect(graduationDay(2026, '2026-07-05')).toEqual(at('2026-07-04T16:00:00Z'));
    expect(graduationDay(2026)).toEqual(at('2026-06-29T16:00:00Z'));
    expect(graduationDay(2026, null)).toEqual(graduationDay(2026));
  });

  it('counts whole calendar months since it, never below zero', () => {
    const june30 = graduationDay(2026);
    expect(wholeMonthsSince(june30, at('2026-06-01T00:00:00Z'))).toBe(0);
    expect(wholeMonthsSince(june30, at('2026-07-29T15:59:59Z'))).toBe(0);
    expect(wholeMonthsSince(june30, at('2026-07-29T16:00:00Z'))).toBe(1);
    expect(wholeMonthsSince(june30, at('2027-06-29T15:59:59Z'))).toBe(11);
    expect(wholeMonthsSince(june30, at('2027-06-29T16:00:00Z'))).toBe(12);
    // A 2024 graduate asking in late 2026 is 29 months on, whatever they say.
    expect(wholeMonthsSince(graduationDay(2024), at('2026-12-01T00:00:00Z'))).toBe(29);
    // Aug 31 + 6 months is Feb 28: that day completes the sixth month.
    expect(wholeMonthsSince(beijingMidnight(2025, 8, 31), beijingMidnight(2026, 2, 28))).toBe(6);
  });
});

describe('dayFromText', () => {
  it.each([
    ['2027-06-30', '2027-06-30'],
    ['2027-6-30', '2027-06-30'],
    ['2027/6/30', '2027-06-30'],
    ['2027.06.30', '2027-06-30'],
    ['2027年6月30日', '2027-06-30'],
    ['２０２７年６月３０日', '2027-06-30'],
    [' 2027 - 6 - 3 ', '2027-06-03'],
    ['2028-2-29', '2028-02-29'],
  ])('reads %s as %s', (text, day) => expect(dayFromText(text)).toBe(day));

  it.each(['', '2027', '2027-6', '27-6-30', '2027-13-01', '2027-02-29', '2027-06-31', '2027年6月', 'June 30 2027', '2027-06-30x'])(
    'finds no day in %s',
    (text) => expect(dayFromText(text)).toBeNull(),
  );
});

describe('graduationMarkProblem', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  it.each(['2025-06-30', '2026-06-30', '2034-06-30'])('accepts %s in 2026', (day) => expect(graduationMarkProblem(day, now)).toBeNull());
  it.each(['2024-06-30', '2035-06-30', '2207-06-30'])('refuses %s in 2026, naming the years', (day) =>
    expect(graduationMarkProblem(day, now)).toBe('毕业时间应在 2025 年至 2034 年之间，请核对年份。'));
});
