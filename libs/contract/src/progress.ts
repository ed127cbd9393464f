/** The campaign (domain §5): dates, progress per org, the not-started list. */
import type { CampaignDates, DeadlineGroup, Destination, OrgKind, OrgPurpose } from '@xianjie/rules';
import type { PageQuery } from './paging';
import type { OrgRef, YearQuery } from './common';

/** The three dates progress counts against, as Beijing days `YYYY-MM-DD`. */
export type ProgressDeadlines = Pick<CampaignDates, 'startedBy' | 'receivedBy' | 'furtherStudyBy'>;

/** The counts and rates of one cohort (毕业生团员转接进度). Rates are fractions 0..1, 4 places. */
export interface ProgressNumbers {
  graduates: number;
  started: number;
  completed: number;
  retained: number;
  specialUnit: number;
  startedRate: number;
  completedRate: number;
  notStarted: number;
  /** Nothing left to do this campaign: completed + special-unit + retained. */
  settled: number;
  settledRate: number;
  retainedByReason: { floating: number; studyAbroad: number; delayedGraduation: number };
  /**
   * The domain's target (§5): 100 % of graduates not going to further study nor to the military
   * started by the school's startedBy date. Classified employers count with the military. A
   * graduate's destination is read from their live transfer, or before any start from the
   * destination the school collected in advance; a graduate with neither counts in the target
   * (the school cannot show otherwise). Further-study graduates have their own, later date
   * (furtherStudyBy); military ones go through the provincial review.
   */
  target: { graduates: number; started: number; excludedFurtherStudy: number; excludedMilitary: number };
  startedTargetRate: number;
}

/** Progress of one org's graduating cohort: members whose graduating branch lies under it. */
export interface OrgProgress extends ProgressNumbers {
  orgId: string;
  orgName: string;
  kind: OrgKind;
  purpose: OrgPurpose | null;
  year: number;
  /** The school whose dates apply (null above schools: the libs/rules defaults). */
  campaignOrgId: string | null;
  deadlines: ProgressDeadlines;
  /** Whole days to each deadline: 0 on the day, negative once passed. */
  daysLeft: Record<keyof ProgressDeadlines, number>;
}

/** The May 15 preparation check (domain §7), on the school's own progress only. */
export interface PreparationCheck {
  dueBy: string;
  daysLeft: number;
  /** Graduates of the year are in the system. */
  dataEntered: boolean;
  /** School branches with neither a graduation date nor a reason. */
  unmarkedBranches: number;
  /** The first of them, in tree order, for the screen to name. */
  unmarkedBranchList: { id: string; name: string }[];
  statisticsFiled: boolean;
  statisticsFiledAt: string | null;
  ready: boolean;
}

/** `GET /orgs/:id/progress?year=` */
export interface ProgressReport extends OrgProgress {
  /** The same per child org that has graduates in this cohort: a school drills to colleges, a college to branches. */
  children: OrgProgress[];
  /** Only on the school itself (the org whose campaign dates apply). */
  preparation?: PreparationCheck;
}

/** `PUT /orgs/:id/campaign?year=`: a school's own dates; an omitted one keeps its value. */
export type CampaignDatesBody = Partial<CampaignDates>;

/** `GET`/`PUT /orgs/:id/campaign`: the dates in force for the org's school, per group too. */
export interface CampaignView extends CampaignDates {
  orgId: string;
  orgName: string;
  year: number;
  /** The school chose its own dates for this year. */
  custom: boolean;
  daysLeft: Record<keyof CampaignDates, number>;
  /** Deadlines by group (domain §7): which date each group of graduates must meet. */
  groups: { group: DeadlineGroup; dueBy: string; daysLeft: number }[];
}

/** What a not-started graduate reported in 毕业去向预填: unplaced (未落实), or nothing yet. */
export type NotStartedDestination = 'unplaced' | 'unreported';
export const NOT_STARTED_DESTINATIONS: readonly NotStartedDestination[] = ['unplaced', 'unreported'];

/** `GET /orgs/:id/not-started?year=&branchId=&destination=&limit=&offset=` (paged: `X-Total-Count`). */
export interface NotStartedQuery extends YearQuery, PageQuery {
  branchId?: string;
  /** Only those who reported being unplaced, or who reported nothing: whom the school may move after July 31. */
  destination?: NotStartedDestination;
}

export interface LastReminder {
  createdAt: string;
  openedAt: string | null;
  expiresAt: string;
  openCount: number;
}

/** A graduate who has not started a transfer (未发起). */
export interface NotStartedGraduate {
  id: string;
  name: string;
  idNumberMasked: string;
  /** Always masked (a list); the full number is on the member's card. */
  phone: string;
  phoneMasked: true;
  /** Where the membership is now. */
  orgId: string;
  orgName: string;
  /** The graduating branch the cohort counts them under. */
  graduatingOrgId: string;
  /** What they reported in 毕业去向预填; null before they report. */
  destination: Destination | null;
  lastReminder: LastReminder | null;
  /** The group whose date applies (civil servants and postgraduates the later one); null for the military and the kept. */
  deadlineGroup: DeadlineGroup | null;
  dueBy: string | null;
}

/** One of the school's floating-member branches (流动团员团支部). */
export interface FloatingBranchOption {
  id: string;
  name: string;
  /** Kept for this graduating year ("2026届…"): where the school keeps the year apart. */
  forYear: boolean;
}

/**
 * `GET /orgs/:id/unplaced-move?year=` (domain §7): graduates still unplaced after July 31 are
 * moved into the school's floating branch. Who could be moved, where to, and from when.
 */
export interface UnplacedMoveView {
  orgId: string;
  year: number;
  /** The first day the school may move them: August 1 (Beijing), `YYYY-MM-DD`. */
  opensOn: string;
  open: boolean;
  /** A college or school committee moves; a branch secretary sees the list but cannot (retention is approved above the branch). */
  canMove: boolean;
  branches: FloatingBranchOption[];
  /** The year's own branch, else the only one; null when the school must choose. */
  suggestedBranchId: string | null;
  /** Not started and reported unplaced. */
  reportedUnplaced: number;
  /** Not started and reported nothing: the school checks each before moving them. */
  unreported: number;
}

/** At most this many graduates in one move: one page of the list. */
export const UNPLACED_MOVE_MAX = 200;

/** `POST /orgs/:id/unplaced-move`. */
export interface UnplacedMoveBody {
  year?: number;
  branchId: string;
  memberIds: string[];
}

/**
 * moved: kept at school in the branch, approved by the school in the same step; started: submitted,
 * waiting for the college's approval; in-progress: a transfer of theirs is already open;
 * not-eligible: not an unplaced or unreported graduate of this org's year who has not started;
 * not-fitting: the transfer's own checks refused it (the message says why).
 */
export type UnplacedMoveStatus = 'moved' | 'started' | 'in-progress' | 'not-eligible' | 'not-fitting';
export const UNPLACED_MOVE_STATUSES: readonly UnplacedMoveStatus[] = ['moved', 'started', 'in-progress', 'not-eligible', 'not-fitting'];

export interface UnplacedMoveRow {
  memberId: string;
  /** null when the graduate is not one this org could move (nothing is said about them). */
  name: string | null;
  status: UnplacedMoveStatus;
  transferId?: string;
  message: string;
}

/** Every graduate answered, each moved in their own transactions. */
export interface UnplacedMoveResult {
  total: number;
  counts: Record<UnplacedMoveStatus, number>;
  rows: UnplacedMoveRow[];
}

/** In the special-unit library (特殊单位专属库), or waiting for the provincial committee's review. */
export type SpecialUnitState = 'library' | 'pending';
export const SPECIAL_UNIT_STATES: readonly SpecialUnitState[] = ['library', 'pending'];

/** `GET /orgs/:id/special-unit?year=&state=&limit=&offset=` (paged: `X-Total-Count`). */
export interface SpecialUnitQuery extends YearQuery, PageQuery {
  state?: SpecialUnitState;
}

/**
 * A graduate of the org's cohort sent to a special unit (military, classified employer): no org is
 * named for them (domain §3). The count on 转接进度 is the `library` ones; `pending` are still
 * with the provincial committee.
 */
export interface SpecialUnitRow {
  memberId: string;
  name: string;
  idNumberMasked: string;
  /** The graduating branch the cohort counts them under. */
  graduatingOrgId: string;
  graduatingOrgName: string;
  /** Root … the graduating branch (a reviewer's list spans the province's schools). */
  graduatingOrgPath: OrgRef[];
  destination: Destination;
  state: SpecialUnitState;
  transferId: string;
  /** Entered the library (approved), or submitted while pending. */
  since: string;
}
