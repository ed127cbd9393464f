/** Requests to a superior: a wrong 乡镇街道 flag, a record entered by mistake. */
import type { TownshipCorrectionCase } from '@xianjie/rules';
import type { PageQuery } from './paging';

export type RequestKind = 'township-correction' | 'record-deletion';
export type RequestStatus = 'pending' | 'approved' | 'rejected';

/** `POST /orgs/:id/township-correction` */
export interface TownshipCorrectionBody {
  /** What the flag should be. */
  isTownship: boolean;
  reason: string;
  /** 误标 / 应标未标 / 未识别; without it, told from the stored flag. */
  case?: TownshipCorrectionCase;
}

/** `POST /members/:id/deletion-request` */
export interface RecordDeletionBody {
  /** A party member (党员) under 28 keeps league membership: the requester must say. */
  isPartyMember: boolean;
  reason: string;
}

/** `POST /requests/:id/approve|reject|forward` */
export interface DecisionBody {
  comment?: string;
}

/** At most this many requests a page (`limit`'s ceiling and default). */
export const REQUESTS_PAGE_MAX = 200;

/** `GET /requests?status=&box=&limit=&offset=`: newest first; `X-Total-Count` says how many in all. */
export interface RequestQuery extends PageQuery {
  status?: RequestStatus;
  /** waiting: what waits for the caller's own orgs (each level its own); sent: what the caller reported. */
  box?: 'waiting' | 'sent';
}

/** One level a township correction was passed up through. */
export interface RequestTrailStep {
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  byId: string;
  at: string;
  comment: string | null;
}

export interface RequestView {
  id: string;
  kind: RequestKind;
  subjectId: string;
  subjectName: string;
  deciderOrgId: string;
  payload: Record<string, unknown>;
  reason: string;
  status: RequestStatus;
  createdById: string;
  createdAt: string;
  decidedById: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  /** Record deletions: 'school' until the school committee passes it on, then 'provincial'. */
  stage: 'school' | 'provincial' | null;
  forwardedById: string | null;
  forwardedAt: string | null;
  forwardComment: string | null;
  /** The org that decides now, by name. */
  deciderOrgName: string;
  /** Township corrections: the org named in full (root … org), the case, and the levels passed so far. */
  subjectFullName: string | null;
  case: TownshipCorrectionCase | null;
  trail: RequestTrailStep[];
}
