/**
 * The contract §1 types, word for word: the mini program, the API and outside checks
 * all meet here, so nothing in this block may change shape.
 */

/** 毕业去向 */
export type Destination =
  | 'further-study' | 'employed' | 'work-abroad-official' | 'military' | 'classified'
  | 'study-abroad' | 'abroad-private' | 'unplaced' | 'delayed-graduation' | 'suspended';

export interface Answers {
  destination: Destination;
  isLeagueMember?: boolean;         // default true
  inSystem?: boolean;               // default true: the member's record exists
  employerHasLeagueOrg?: boolean;   // employed, work-abroad-official
  admittedSchoolOrgReady?: boolean; // further-study
  unplacedPlan?: 'retain-at-school' | 'transfer-home';
  monthsSinceGraduation?: number;   // unplaced + retain-at-school
  receiverRegion?: 'beijing' | 'guangdong' | 'fujian' | 'other';
}

export type TargetKind =
  | 'employer-org' | 'dispatching-unit-org' | 'admitted-school-org' | 'township-org'
  | 'special-unit-library' | 'school-floating-branch' | 'school-abroad-branch'
  | 'school-delayed-branch' | 'school-rejoined-class-branch' | 'none';

export interface Resolution {
  outcome: 'transfer' | 'retain' | 'wait' | 'delete-record' | 'enter-then-transfer';
  target: TargetKind;               // for 'wait': where it will go later
  reviewer: 'receiving-org' | 'provincial' | 'college' | 'none';
  needsNamedOrg: boolean;           // must the applicant pick/type a specific org
  crossSystem: boolean;             // receiver in Beijing/Guangdong/Fujian
  canWithdraw: boolean;
  writtenApplication: boolean;      // e.g. study-abroad retention
  offlinePaperwork: boolean;        // military, classified
  retainMonths?: { usual: number; max: number };
  forbiddenTargets: TargetKind[];   // kinds this graduate must NOT be sent to
  explanation: string[];            // plain-Chinese sentences shown to the graduate
}

// ——— below: this library's own design, on top of the contract ———

export type Outcome = Resolution['outcome'];
export type Reviewer = Resolution['reviewer'];
export type UnplacedPlan = NonNullable<Answers['unplacedPlan']>;
export type ReceiverRegion = NonNullable<Answers['receiverRegion']>;

/** A question is always about exactly one answer field. */
export type QuestionId = keyof Answers;
export type AnswerValue = string | boolean | number;

export interface QuestionOption {
  readonly value: AnswerValue;
  readonly label: string;
  readonly help?: string;
}

interface QuestionBase {
  readonly id: QuestionId;
  readonly prompt: string;
  readonly help: string;
}

/** Pick one of `options`; store its `value` under `answers[id]`. */
export interface SingleChoiceQuestion extends QuestionBase {
  readonly kind: 'single';
  readonly options: readonly QuestionOption[];
}

/** Type a whole number between `min` and `max` (input hints; resolve has the final word). */
export interface NumberQuestion extends QuestionBase {
  readonly kind: 'number';
  readonly options: readonly QuestionOption[]; // always empty: kept so every question has options
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}

export type Question = SingleChoiceQuestion | NumberQuestion;
