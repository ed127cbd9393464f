import { canMarkGraduation } from '@xianjie/rules'
import type { OrgProgress, OrgView } from '@xianjie/contract'

/*
 * The graduation season's tools — 转接进度, reminder links, the retention ledger, 毕业去向, the
 * floating branch, branch marks, dates and the yearly table — are a school's work (domain §5, §7),
 * for the school and the orgs inside it. Whether an org is one of them is its 行业类别, as
 * everywhere else: domain 'school' (libs/rules canMarkGraduation, the API's schoolOf).
 */

/**
 * A school's org or one inside it, read from the org itself — or a leading organ (团省委, 团市委,
 * 区县团委) over schools: its progress sums theirs, and its admins follow it through the season.
 */
export function isSchoolOrg(org: Pick<OrgView, 'domain' | 'kind'>): boolean {
  return org.domain === 'school' || org.kind === 'leading-organ'
}

/**
 * The same read from a progress report: the API names the school whose dates apply (null outside
 * any school); above schools, a leading organ counts when graduates of the year sit below it — a
 * 团县委 of townships and employers has none, and is told so as they are.
 */
export function progressOfSchool(report: Pick<OrgProgress, 'campaignOrgId' | 'kind' | 'graduates'> & { children?: readonly unknown[] }): boolean {
  if (report.campaignOrgId !== null) return true
  return report.kind === 'leading-organ' && (report.graduates > 0 || (report.children?.length ?? 0) > 0)
}

/** 标记毕业团支部, 工作时限 and 年度统计表: a school and its colleges (libs/rules canMarkGraduation), never a branch. */
export function hasGraduationDuties(report: Pick<OrgProgress, 'campaignOrgId' | 'kind' | 'graduates'>): boolean {
  return progressOfSchool(report) && canMarkGraduation(report.kind, 'school')
}
