/** Requests to a superior: a wrong 乡镇街道 flag, a record entered by mistake. */

export type RequestKind = 'township-correction' | 'record-deletion';
export type RequestStatus = 'pending' | 'approved' | 'rejected';

/** `POST /orgs/:id/township-correction` */
export interface TownshipCorrectionBody {
  /** What the flag should be. */
  isTownship: boolean;
  reason: string;
}

/** `POST /members/:id/deletion-request` */
export interface RecordDeletionBody {
  /** A party member (党员) under 28 keeps league membership: the requester must say. */
  isPartyMember: boolean;
  reason: string;
}

/** `POST /requests/:id/approve|reject` */
export interface DecisionBody {
  comment?: string;
}

/** `GET /requests?status=` */
export interface RequestQuery {
  status?: RequestStatus;
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
}
