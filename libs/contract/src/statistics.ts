/** The yearly statistics table (年度统计表) and the graduation marks (标记团支部毕业时间). */
import type { OrgPurpose } from '@xianjie/rules';
import type { YearQuery } from './common';

export interface StatisticsQuery extends YearQuery {
  /** `xlsx`: the table as a workbook, laid out as schools file it upward. */
  format?: 'json' | 'xlsx';
}

/** The four figures of the yearly table (domain §5). */
export interface StatisticsFigures {
  /** Graduating branches that are classes: a class branch, or an ordinary one with no special purpose. */
  graduatingClasses: number;
  /** Every branch some graduate of the year graduated from, or marked with a date in that year. */
  graduatingBranches: number;
  /** League members of the year whose graduating branch lies under the org, wherever they are now (non-members were wrongly entered: not counted). */
  graduates: number;
  /** Of those, the ones whose membership is still at the school (not yet transferred out, or kept there). */
  graduatingMembers: number;
}

export interface StatisticsRow extends StatisticsFigures {
  orgId: string;
  orgName: string;
}

/** `GET /orgs/:id/statistics`, `POST /orgs/:id/statistics/filing` (报送). */
export interface StatisticsTable extends StatisticsFigures {
  orgId: string;
  orgName: string;
  year: number;
  /** One row per child org (a school's colleges, a college's branches). */
  rows: StatisticsRow[];
  /** When the school filed this year's table upward; null until then. */
  filedAt: string | null;
}

export interface GraduationMark {
  graduationDate: string | null;
  noGraduationReason: string | null;
  markedAt: string;
}

/** `GET /orgs/:id/graduation-marks`: one branch under the org and its mark. */
export interface BranchMarkView {
  id: string;
  name: string;
  purpose: OrgPurpose | null;
  /** Members sitting in it now (not those who left for another system or the special-unit library). */
  members: number;
  mark: GraduationMark | null;
  /** The year it graduates: its mark's, else the one its members were imported with; null for neither. */
  graduationYear: number | null;
  /** Graduated, every member gone, nothing on its way in: `DELETE /orgs/:id` will take it (domain §2). */
  deletable: boolean;
}

/** `POST /orgs/:id/graduation-marks`: one date (or one reason) for a batch of branches. */
export interface MarkBranchesBody {
  branchIds: string[];
  /** `YYYY-MM-DD` */
  graduationDate?: string;
  /** Why these branches have no graduation date (e.g. 教工团支部). */
  noGraduationReason?: string;
}

export interface MarkBranchesResult {
  marked: number;
  graduationDate: string | null;
  noGraduationReason: string | null;
}
