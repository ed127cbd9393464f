/** `GET /orgs/:id/retention`: the retention ledger (保留台账). */
import type { PageQuery } from './paging';
import type { YearQuery } from './common';

/** Why a member is kept at school: floating (unplaced), study abroad, delayed graduation. */
export type RetentionKind = 'floating' | 'study-abroad' | 'delayed-graduation';
export type RetentionState = 'active' | 'follow-up' | 'overdue' | 'closed';
/** Overdue first: the order the ledger lists them in. */
export const RETENTION_STATES: readonly RetentionState[] = ['overdue', 'follow-up', 'active', 'closed'];

/** `?year=&state=&limit=&offset=`: one state only; without it, every record still open. */
export interface RetentionLedgerQuery extends YearQuery, PageQuery {
  state?: RetentionState;
}

/** One line of the ledger: who is kept, why, since, until, what is due. Paged (`X-Total-Count`). */
export interface RetentionLedgerRow {
  id: string;
  memberId: string;
  name: string;
  idNumberMasked: string;
  /** Always masked, as in every list. */
  phone: string;
  phoneMasked: true;
  kind: RetentionKind;
  state: RetentionState;
  /** The school branch keeping them. */
  branchId: string;
  branchName: string;
  /** Where they graduated from: the cohort a college follows them by. */
  graduatingOrgId: string;
  graduatingOrgName: string;
  graduationYear: number | null;
  since: string;
  followUpAt: string | null;
  until: string | null;
  /** The date that matters now: the follow-up date until it passes, then the expiry. */
  dueAt: string | null;
  transferId: string;
  closedAt: string | null;
  /** Members abroad (study-abroad): their periodic reports — last one, next due, overdue. */
  abroadReport?: AbroadReportState;
}

/** A member abroad's periodic reports (出国(境)团员定期报告). */
export interface AbroadReportState {
  intervalMonths: number;
  lastReportAt: string | null;
  lastNote: string | null;
  dueAt: string;
  overdue: boolean;
}

/** `POST /me/abroad-reports` */
export interface AbroadReportBody {
  note: string;
}

/** `POST /me/abroad-reports` → the report and the member's reporting state after it. */
export interface AbroadReportView extends AbroadReportState {
  id: string;
  at: string;
  note: string;
}

/** `PUT /orgs/:id/abroad-report-interval`: whole months, 1–12 (default 6). */
export interface ReportIntervalBody {
  months: number;
}

/** The interval an org now sets for its members abroad. */
export interface ReportIntervalView {
  orgId: string;
  months: number;
}
