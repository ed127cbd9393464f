import { RulesError } from './errors';
import { say } from './explanations';
import { resolve } from './resolve';
import type { Answers, Resolution } from './types';

/** A transfer to a named org inside this system, as most rows resolve. */
const transfer = (over: Partial<Resolution>): Resolution => ({
  outcome: 'transfer',
  target: 'township-org',
  reviewer: 'receiving-org',
  needsNamedOrg: true,
  crossSystem: false,
  canWithdraw: true,
  writtenApplication: false,
  offlinePaperwork: false,
  forbiddenTargets: [],
  explanation: [],
  ...over,
});

const base: Pick<Answers, 'isLeagueMember' | 'inSystem'> = { isLeagueMember: true, inSystem: true };

describe('resolve: every row of domain §3', () => {
  const rows: [string, Answers, Resolution][] = [
    [
      'further study, new-student org not ready: wait at the old school, never the home township',
      { ...base, destination: 'further-study', admittedSchoolOrgReady: false },
      transfer({
        outcome: 'wait',
        target: 'admitted-school-org',
        canWithdraw: false,
        forbiddenTargets: ['township-org'],
        explanation: [say.furtherStudy, say.admittedSchoolNotReady, say.admittedSchoolLater, say.neverHomeTownship],
      }),
    ],
    [
      'further study, new-student org ready',
      { ...base, destination: 'further-study', admittedSchoolOrgReady: true, receiverRegion: 'other' },
      transfer({
        target: 'admitted-school-org',
        forbiddenTargets: ['township-org'],
        explanation: [say.furtherStudy, say.admittedSchoolReady, say.neverHomeTownship, say.withdrawBeforeReceiver],
      }),
    ],
    [
      'employed, employer has an org',
      { ...base, destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'other' },
      transfer({
        target: 'employer-org',
        forbiddenTargets: ['township-org'],
        explanation: [say.employerOrg, say.employerOrgNotTownship, say.withdrawBeforeReceiver],
      }),
    ],
    [
      'employed, employer has no org: township of employer or residence, youth home acceptable',
      { ...base, destination: 'employed', employerHasLeagueOrg: false, receiverRegion: 'other' },
      transfer({
        explanation: [say.employerNoOrg, say.youthHome, say.townshipMayRefuse, say.withdrawBeforeReceiver],
      }),
    ],
    [
      'working abroad, official posting, unit has an org',
      { ...base, destination: 'work-abroad-official', employerHasLeagueOrg: true, receiverRegion: 'other' },
      transfer({
        target: 'dispatching-unit-org',
        forbiddenTargets: ['township-org'],
        explanation: [say.dispatchingOrg, say.withdrawBeforeReceiver],
      }),
    ],
    [
      'working abroad, official posting, unit has no org',
      { ...base, destination: 'work-abroad-official', employerHasLeagueOrg: false, receiverRegion: 'other' },
      transfer({
        explanation: [say.dispatchingNoOrg, say.youthHome, say.townshipMayRefuse, say.withdrawBeforeReceiver],
      }),
    ],
    [
      'military: special-unit library, provincial review, offline paperwork',
      { ...base, destination: 'military' },
      transfer({
        target: 'special-unit-library',
        reviewer: 'provincial',
        needsNamedOrg: false,
        offlinePaperwork: true,
        forbiddenTargets: ['employer-org', 'township-org'],
        explanation: [say.military, say.specialUnitReview, say.offlinePaperwork, say.withdrawBeforeProvincial],
      }),
    ],
    [
      'classified employer: same as military',
      { ...base, destination: 'classified' },
      transfer({
        target: 'special-unit-library',
        reviewer: 'provincial',
        needsNamedOrg: false,
        offlinePaperwork: true,
        forbiddenTargets: ['employer-org', 'township-org'],
        explanation: [say.classified, say.specialUnitReview, say.offlinePaperwork, say.withdrawBeforeProvincial],
      }),
    ],
    [
      'study abroad: kept at school after a written application, not further study',
      { ...base, destination: 'study-abroad' },
      transfer({
        outcome: 'retain',
        target: 'school-abroad-branch',
        reviewer: 'college',
        writtenApplication: true,
        forbiddenTargets: ['admitted-school-org'],
        explanation: [say.studyAbroad, say.studyAbroadApplication, say.studyAbroadReturn, say.withdrawBeforeCollege],
      }),
    ],
    [
      'abroad privately: township before leaving',
      { ...base, destination: 'abroad-private', receiverRegion: 'other' },
      transfer({
        forbiddenTargets: ['school-abroad-branch'],
        explanation: [say.abroadPrivate, say.townshipMayRefuse, say.withdrawBeforeReceiver],
      }),
    ],
    [
      'unplaced, transfer home',
      { ...base, destination: 'unplaced', unplacedPlan: 'transfer-home', receiverRegion: 'other' },
      transfer({
        explanation: [say.transferHome, say.transferHomeLater, say.townshipMayRefuse, say.withdrawBeforeReceiver],
      }),
    ],
    [
      'unplaced, kept at school, within the usual 6 months',
      { ...base, destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: 5 },
      transfer({
        outcome: 'retain',
        target: 'school-floating-branch',
        reviewer: 'college',
        retainMonths: { usual: 6, max: 12 },
        explanation: [say.retainFloating, say.retainLimit, say.withdrawBeforeCollege],
      }),
    ],
    [
      'unplaced, kept at school, past the usual 6 months but under 12',
      { ...base, destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: 6 },
      transfer({
        outcome: 'retain',
        target: 'school-floating-branch',
        reviewer: 'college',
        retainMonths: { usual: 6, max: 12 },
        explanation: [say.retainFloating, say.retainLimit, say.retainOverUsual(6), say.withdrawBeforeCollege],
      }),
    ],
    [
      'delayed graduation',
      { ...base, destination: 'delayed-graduation' },
      transfer({
        outcome: 'retain',
        target: 'school-delayed-branch',
        reviewer: 'college',
        explanation: [say.delayed, say.delayedLater, say.withdrawBeforeCollege],
      }),
    ],
    [
      'suspended: to the class rejoined',
      { ...base, destination: 'suspended' },
      transfer({
        target: 'school-rejoined-class-branch',
        explanation: [say.suspendedKeeps, say.suspendedRejoin, say.withdrawBeforeReceiver],
      }),
    ],
  ];

  it.each(rows)('%s', (_name, answers, expected) => {
    expect(resolve(answers)).toEqual(expected);
  });
});

describe('resolve: cross-system receivers (Beijing, Guangdong, Fujian)', () => {
  const crossRows: [string, Answers, Resolution][] = [
    [
      'employer in Beijing',
      { destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'beijing' },
      transfer({
        target: 'employer-org',
        crossSystem: true,
        canWithdraw: false,
        forbiddenTargets: ['township-org'],
        explanation: [say.employerOrg, say.employerOrgNotTownship, say.crossSystem('beijing'), say.noWithdraw],
      }),
    ],
    [
      'admitted school in Guangdong',
      { destination: 'further-study', admittedSchoolOrgReady: true, receiverRegion: 'guangdong' },
      transfer({
        target: 'admitted-school-org',
        crossSystem: true,
        canWithdraw: false,
        forbiddenTargets: ['township-org'],
        explanation: [say.furtherStudy, say.admittedSchoolReady, say.neverHomeTownship, say.crossSystem('guangdong'), say.noWithdraw],
      }),
    ],
    [
      'home township in Fujian',
      { destination: 'unplaced', unplacedPlan: 'transfer-home', receiverRegion: 'fujian' },
      transfer({
        crossSystem: true,
        canWithdraw: false,
        explanation: [say.transferHome, say.transferHomeLater, say.townshipMayRefuse, say.crossSystem('fujian'), say.noWithdraw],
      }),
    ],
  ];

  it.each(crossRows)('%s', (_name, answers, expected) => {
    expect(resolve(answers)).toEqual(expected);
  });

  it('names the province in the sentence', () => {
    expect(say.crossSystem('fujian')).toContain('福建');
    expect(say.crossSystem('beijing')).toContain('北京');
  });
});

describe('resolve: edge cases', () => {
  const none: Omit<Resolution, 'outcome' | 'explanation'> = {
    target: 'none',
    reviewer: 'none',
    needsNamedOrg: false,
    crossSystem: false,
    canWithdraw: false,
    writtenApplication: false,
    offlinePaperwork: false,
    forbiddenTargets: [],
  };

  it('a non-member wrongly entered: the record is deleted, whatever the destination', () => {
    expect(resolve({ destination: 'employed', isLeagueMember: false, receiverRegion: 'beijing' })).toEqual({
      ...none,
      outcome: 'delete-record',
      explanation: [say.notMember, say.notMemberDelete],
    });
  });

  it('a member missing from the system: entered first', () => {
    expect(resolve({ destination: 'military', inSystem: false })).toEqual({
      ...none,
      outcome: 'enter-then-transfer',
      explanation: [say.notInSystem, say.notInSystemThen],
    });
  });

  it('identity answers default to true', () => {
    expect(resolve({ destination: 'suspended' })).toEqual(resolve({ destination: 'suspended', ...base }));
  });

  it('an unanswered region means not a separate-system province', () => {
    expect(resolve({ destination: 'abroad-private' })).toEqual(
      resolve({ destination: 'abroad-private', receiverRegion: 'other' }),
    );
  });

  it('ignores answers the destination does not ask about, and JSON nulls', () => {
    const noisy = { destination: 'military', employerHasLeagueOrg: true, unplacedPlan: null } as unknown as Answers;
    expect(resolve(noisy)).toEqual(resolve({ destination: 'military' }));
  });

  it('the over-usual sentence counts the months', () => {
    const r = resolve({ destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: 11.5 });
    expect(r.outcome).toBe('retain');
    expect(r.explanation).toContain(say.retainOverUsual(11.5));
    expect(say.retainOverUsual(11.5)).toContain('11.5个月');
  });
});

describe('resolve: the months since graduation are the server’s to give', () => {
  it('keeps an unplaced graduate at school when no months are given (the questionnaire does not ask)', () => {
    const r = resolve({ destination: 'unplaced', unplacedPlan: 'retain-at-school' });
    expect(r).toMatchObject({ outcome: 'retain', target: 'school-floating-branch', retainMonths: { usual: 6, max: 12 } });
    expect(r.explanation).not.toContain(say.retainOverUsual(0));
  });

  it('months, when given, still decide: under 12 kept, 12 and more refused', () => {
    expect(resolve({ destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: 11 }).outcome).toBe('retain');
    expect(() => resolve({ destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: 12 }))
      .toThrow(expect.objectContaining({ code: 'CONTRADICTORY_ANSWERS', field: 'unplacedPlan' }));
  });
});

describe('resolve: refused answers', () => {
  const refused: [string, unknown, RulesError['code'], RulesError['field']][] = [
    ['no answers at all', undefined, 'INCOMPLETE_ANSWERS', 'destination'],
    ['no destination', {}, 'INCOMPLETE_ANSWERS', 'destination'],
    ['an unknown destination', { destination: 'moon' }, 'INCOMPLETE_ANSWERS', 'destination'],
    ['a string for a yes/no', { destination: 'employed', employerHasLeagueOrg: 'yes' }, 'INCOMPLETE_ANSWERS', 'employerHasLeagueOrg'],
    ['an unknown plan', { destination: 'unplaced', unplacedPlan: 'later' }, 'INCOMPLETE_ANSWERS', 'unplacedPlan'],
    ['negative months', { destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: -1 }, 'INCOMPLETE_ANSWERS', 'monthsSinceGraduation'],
    ['months not a number', { destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: '3' }, 'INCOMPLETE_ANSWERS', 'monthsSinceGraduation'],
    ['months NaN', { destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: NaN }, 'INCOMPLETE_ANSWERS', 'monthsSinceGraduation'],
    ['an unknown region', { destination: 'abroad-private', receiverRegion: 'shanghai' }, 'INCOMPLETE_ANSWERS', 'receiverRegion'],
    ['employed without the org question', { destination: 'employed' }, 'INCOMPLETE_ANSWERS', 'employerHasLeagueOrg'],
    ['posted abroad without the org question', { destination: 'work-abroad-official' }, 'INCOMPLETE_ANSWERS', 'employerHasLeagueOrg'],
    ['further study without readiness', { destination: 'further-study' }, 'INCOMPLETE_ANSWERS', 'admittedSchoolOrgReady'],
    ['unplaced without a plan', { destination: 'unplaced' }, 'INCOMPLETE_ANSWERS', 'unplacedPlan'],
    ['kept at school 12 months on: never beyond 12', { destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: 12 }, 'CONTRADICTORY_ANSWERS', 'unplacedPlan'],
    ['kept at school 30 months on', { destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: 30 }, 'CONTRADICTORY_ANSWERS', 'unplacedPlan'],
    ['not a member and no record to delete', { destination: 'employed', isLeagueMember: false, inSystem: false }, 'CONTRADICTORY_ANSWERS', 'inSystem'],
    ['waiting for a Beijing school', { destination: 'further-study', admittedSchoolOrgReady: false, receiverRegion: 'beijing' }, 'CONTRADICTORY_ANSWERS', 'receiverRegion'],
    ['military to Guangdong', { destination: 'military', receiverRegion: 'guangdong' }, 'CONTRADICTORY_ANSWERS', 'receiverRegion'],
    ['classified to Fujian', { destination: 'classified', receiverRegion: 'fujian' }, 'CONTRADICTORY_ANSWERS', 'receiverRegion'],
    ['study abroad kept in Beijing', { destination: 'study-abroad', receiverRegion: 'beijing' }, 'CONTRADICTORY_ANSWERS', 'receiverRegion'],
    ['delayed graduation to Guangdong', { destination: 'delayed-graduation', receiverRegion: 'guangdong' }, 'CONTRADICTORY_ANSWERS', 'receiverRegion'],
    ['kept at school to Fujian', { destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: 1, receiverRegion: 'fujian' }, 'CONTRADICTORY_ANSWERS', 'receiverRegion'],
    ['suspended, rejoining in Beijing', { destination: 'suspended', receiverRegion: 'beijing' }, 'CONTRADICTORY_ANSWERS', 'receiverRegion'],
  ];

  const cases = refused.map(([name, answers, code, field]) => [name, code, field, answers] as const);
  it.each(cases)('%s → %s on %s', (_name, code, field, answers) => {
    let thrown: unknown;
    try {
      resolve(answers as Answers);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RulesError);
    expect(thrown).toMatchObject({ name: 'RulesError', code, field });
    expect((thrown as RulesError).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the over-12-months refusal tells the graduate what to choose instead', () => {
    expect(() => resolve({ destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: 12 }))
      .toThrow(/满12个月.*改选转回户籍地/);
  });

  it('a missing answer is named by its question', () => {
    expect(() => resolve({ destination: 'employed' })).toThrow('还缺少一个回答：你的工作单位');
  });
});
