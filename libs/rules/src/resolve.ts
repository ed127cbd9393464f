import { CheckedAnswers, checkAnswers, missing } from './answers';
import { FLOATING_RETENTION_MONTHS } from './calendar';
import { RulesError } from './errors';
import { say } from './explanations';
import type { Answers, Resolution, TargetKind } from './types';

/**
 * Where this graduate's membership goes (domain §3), with every field filled.
 * Throws `RulesError`: INCOMPLETE_ANSWERS when the destination needs an answer that is
 * missing or invalid, CONTRADICTORY_ANSWERS when the answers cannot all be true
 * (e.g. "keep me at school" 12 or more months after graduating).
 * Answers a destination does not ask about are ignored, except a separate-system
 * region where no org in another province is the target.
 */
export function resolve(answers: Answers): Resolution {
  const a = checkAnswers(answers);
  if (!a.isLeagueMember) {
    if (!a.inSystem) {
      throw new RulesError('CONTRADICTORY_ANSWERS', 'inSystem', '不是团员、系统里也没有你的记录，不需要办理任何手续。');
    }
    return noTransfer('delete-record', [say.notMember, say.notMemberDelete]);
  }
  if (!a.inSystem) return noTransfer('enter-then-transfer', [say.notInSystem, say.notInSystemThen]);

  switch (a.destination) {
    case 'further-study':
      return furtherStudy(a);
    case 'employed':
      return need(a, 'employerHasLeagueOrg')
        ? orgTransfer(a, 'employer-org', ['township-org'], [say.employerOrg, say.employerOrgNotTownship])
        : orgTransfer(a, 'township-org', [], [say.employerNoOrg, say.youthHome, say.townshipMayRefuse]);
    case 'work-abroad-official':
      return need(a, 'employerHasLeagueOrg')
        ? orgTransfer(a, 'dispatching-unit-org', ['township-org'], [say.dispatchingOrg])
        : orgTransfer(a, 'township-org', [], [say.dispatchingNoOrg, say.youthHome, say.townshipMayRefuse]);
    case 'military':
      return specialUnit(a, say.military);
    case 'classified':
      return specialUnit(a, say.classified);
    case 'study-abroad':
      return retain(a, 'school-abroad-branch', ['admitted-school-org'], true, [
        say.studyAbroad, say.studyAbroadApplication, say.studyAbroadReturn,
      ]);
    case 'abroad-private':
      return orgTransfer(a, 'township-org', ['school-abroad-branch'], [say.abroadPrivate, say.townshipMayRefuse]);
    case 'unplaced':
      return unplaced(a);
    case 'delayed-graduation':
      return retain(a, 'school-delayed-branch', [], false, [say.delayed, say.delayedLater]);
    case 'suspended':
      // The class they rejoin is at the same school, so never in another system.
      notCrossSystem(a);
      return { ...transferBase('school-rejoined-class-branch', []), explanation: [
        say.suspendedKeeps, say.suspendedRejoin, say.withdrawBeforeReceiver,
      ] };
  }
}

function furtherStudy(a: CheckedAnswers): Resolution {
  if (need(a, 'admittedSchoolOrgReady')) {
    return orgTransfer(a, 'admitted-school-org', ['township-org'], [
      say.furtherStudy, say.admittedSchoolReady, say.neverHomeTownship,
    ]);
  }
  notCrossSystem(a);
  // Fields describe the transfer that comes later; nothing can be submitted (or withdrawn) now.
  return {
    ...transferBase('admitted-school-org', ['township-org']),
    outcome: 'wait',
    canWithdraw: false,
    explanation: [say.furtherStudy, say.admittedSchoolNotReady, say.admittedSchoolLater, say.neverHomeTownship],
  };
}

function unplaced(a: CheckedAnswers): Resolution {
  if (need(a, 'unplacedPlan') === 'transfer-home') {
    return orgTransfer(a, 'township-org', [], [say.transferHome, say.transferHomeLater, say.townshipMayRefuse]);
  }
  // The server fills the months from the graduation date it holds; without them (a phone's
  // preview) only the general limits are told.
  const months = a.monthsSinceGraduation;
  if (months !== undefined && months >= FLOATING_RETENTION_MONTHS.max) {
    throw new RulesError(
      'CONTRADICTORY_ANSWERS',
      'unplacedPlan',
      `你已经毕业满${FLOATING_RETENTION_MONTHS.max}个月，超过了最长的保留期限，不能再保留在学校。` +
        '请改选转回户籍地、生源地或居住地的乡镇（街道）团组织。',
    );
  }
  const lines: string[] = [say.retainFloating, say.retainLimit];
  if (months !== undefined && months >= FLOATING_RETENTION_MONTHS.usual) lines.push(say.retainOverUsual(months));
  return {
    ...retain(a, 'school-floating-branch', [], false, lines),
    retainMonths: { ...FLOATING_RETENTION_MONTHS },
  };
}

/** The answer the destination cannot do without. */
function need<K extends keyof Answers>(a: CheckedAnswers, field: K): NonNullable<Answers[K]> {
  const v = a[field];
  if (v === undefined) throw missing(field);
  return v as NonNullable<Answers[K]>;
}

/** Only a transfer to an org in another province can be cross-system. */
function notCrossSystem(a: CheckedAnswers): void {
  if (a.receiverRegion !== undefined && a.receiverRegion !== 'other') {
    throw new RulesError(
      'CONTRADICTORY_ANSWERS',
      'receiverRegion',
      '你的团组织关系不会转往北京、广东、福建的团组织，不属于跨系统转接，请把接收组织所在地改为“其他省（区、市）”。',
    );
  }
}

function transferBase(target: TargetKind, forbiddenTargets: TargetKind[]): Resolution {
  return {
    outcome: 'transfer',
    target,
    reviewer: 'receiving-org',
    needsNamedOrg: true,
    crossSystem: false,
    canWithdraw: true,
    writtenApplication: false,
    offlinePaperwork: false,
    forbiddenTargets,
    explanation: [],
  };
}

/** A transfer to an org the graduate names, possibly in a separate-system province. */
function orgTransfer(a: CheckedAnswers, target: TargetKind, forbidden: TargetKind[], lines: string[]): Resolution {
  // An unanswered region means "not one of the three": only they need special handling.
  const region = a.receiverRegion ?? 'other';
  if (region === 'other') {
    return { ...transferBase(target, forbidden), explanation: [...lines, say.withdrawBeforeReceiver] };
  }
  return {
    ...transferBase(target, forbidden),
    crossSystem: true,
    canWithdraw: false,
    explanation: [...lines, say.crossSystem(region), say.noWithdraw],
  };
}

/** 转往特殊单位团组织: no org is named, the provincial committee reviews. */
function specialUnit(a: CheckedAnswers, first: string): Resolution {
  notCrossSystem(a);
  return {
    ...transferBase('special-unit-library', ['employer-org', 'township-org']),
    reviewer: 'provincial',
    needsNamedOrg: false,
    offlinePaperwork: true,
    explanation: [first, say.specialUnitReview, say.offlinePaperwork, say.withdrawBeforeProvincial],
  };
}

/** Kept at school in a special branch, approved by the college committee (院系团委). */
function retain(
  a: CheckedAnswers, target: TargetKind, forbidden: TargetKind[], writtenApplication: boolean, lines: string[],
): Resolution {
  notCrossSystem(a);
  return {
    ...transferBase(target, forbidden),
    outcome: 'retain',
    reviewer: 'college',
    writtenApplication,
    explanation: [...lines, say.withdrawBeforeCollege],
  };
}

function noTransfer(outcome: 'delete-record' | 'enter-then-transfer', explanation: string[]): Resolution {
  return {
    outcome,
    target: 'none',
    reviewer: 'none',
    needsNamedOrg: false,
    crossSystem: false,
    canWithdraw: false,
    writtenApplication: false,
    offlinePaperwork: false,
    forbiddenTargets: [],
    explanation,
  };
}

/**
 * The one sentence about withdrawing that every screen shows for this resolution (the same one
 * its explanation carries), or null when nothing is submitted. Derived from the reviewer, whose
 * step ends the time to withdraw (lifecycle: the receiving side, or the one reviewer).
 */
export function withdrawSentence(r: Resolution): string | null {
  if (r.outcome !== 'transfer' && r.outcome !== 'retain') return null;
  if (!r.canWithdraw) return say.noWithdraw;
  if (r.reviewer === 'provincial') return say.withdrawBeforeProvincial;
  return r.reviewer === 'college' ? say.withdrawBeforeCollege : say.withdrawBeforeReceiver;
}
