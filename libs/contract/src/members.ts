/** `/members`, `/me/destination`, `/orgs/:id/destinations`: the roster and what graduates report. */
import type { Destination, DestinationDetail } from '@xianjie/rules';
import type { PageQuery } from './paging';
import type { MembershipPlace, YearQuery } from './common';

/** `GET /members?orgId=&q=` */
export interface MemberQuery {
  orgId?: string;
  q?: string;
}

/** A roster row (`GET /members`): a list, so the phone is always masked. */
export interface MemberSummary {
  id: string;
  name: string;
  idNumberMasked: string;
  phone: string;
  phoneMasked: boolean;
  orgId: string;
  orgName: string;
  graduationYear: number | null;
  isGraduate: boolean;
  place: MembershipPlace;
}

/**
 * One member's card (`GET /members/:id`): the phone in full only for org-admins and counsellors
 * over the member's current branch (`phoneMasked: false`); those over the branch they graduated
 * from get it masked. The ID number is always masked.
 */
export interface MemberCard extends MemberSummary {
  graduatingOrgId: string | null;
}

/** `PUT /me/destination`: 毕业去向, collected by the school in advance. */
export interface DestinationReportBody {
  destination: Destination;
  /** civil-servant (with employed) or postgraduate (with further-study): they get the later deadline. */
  destinationDetail?: DestinationDetail;
  organisationName?: string;
  organisationAddress?: string;
  organisationTownship?: string;
  householdRegistration?: string;
  residence?: string;
}

/** `GET /me/destination` (null before the first report), and the answer of a `PUT`. */
export interface DestinationReportView {
  memberId: string;
  destination: Destination;
  destinationDetail: DestinationDetail | null;
  organisationName: string | null;
  organisationAddress: string | null;
  organisationTownship: string | null;
  householdRegistration: string | null;
  residence: string | null;
  updatedAt: string;
}

/** Whether a graduate has reported a destination yet: the counsellor chases the `missing`. */
export type DestinationState = 'reported' | 'missing';
export const DESTINATION_STATES: readonly DestinationState[] = ['reported', 'missing'];

/**
 * `GET /orgs/:id/destinations?year=&state=&limit=&offset=`: the year's graduating cohort still under the org
 * (its marked branches, before and after the June 1 flip: destinations are collected in advance), by branch,
 * then name; `X-Total-Count` says how many in all. `year` defaults to the Beijing calendar year.
 */
export interface DestinationsQuery extends YearQuery, PageQuery {
  state?: DestinationState;
}

/** The most one page of `GET /orgs/:id/destinations` holds (and what it holds when `limit` is not given). */
export const DESTINATIONS_PAGE_MAX = 2000;

/** `GET /orgs/:id/destinations`: one graduate under the org (ID masked) and what they reported. */
export interface DestinationRow {
  memberId: string;
  name: string;
  idNumberMasked: string;
  orgName: string;
  destination: Destination | null;
  destinationDetail: DestinationDetail | null;
  organisationName: string | null;
  organisationAddress: string | null;
  organisationTownship: string | null;
  /** 户籍所在地 and 现居住地: where a graduate without a receiving org is sent (their township). */
  householdRegistration: string | null;
  residence: string | null;
  /** Both left out (null) for a branch secretary listing their own branch: only counsellors and the college see them. */
  homeWithheld: boolean;
  updatedAt: string | null;
}
