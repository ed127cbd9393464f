import { isSeparateSystemProvince } from './org';
import type { OrgDomain, OrgKind } from './org';
import type { TargetKind } from './types';

export interface OrgFacts {
  kind: OrgKind;
  domain: OrgDomain;
  purpose?: string | null;
  province: string;
}

export interface FitContext {
  /** The resolution is cross-system: its receiver is typed by name, never picked. */
  crossSystem?: boolean;
}

export type Fit = { ok: true } | { ok: false; reason: string };

const OK: Fit = { ok: true };
const no = (reason: string): Fit => ({ ok: false, reason });

/**
 * Whether an org may receive a graduate whose resolution points at `target`, judged by the
 * org's kind, domain, purpose and province. Whether it lies in the member's own school (or
 * in the admin's scope) is the API's question, not this one.
 *
 * Deliberately wider than "enterprise/government/other" for employer orgs: graduates hired
 * by a school (teachers, 留校工作) join that school's staff org, which is school-domain.
 */
export function targetFits(target: TargetKind, org: OrgFacts, ctx: FitContext = {}): Fit {
  if (target === 'special-unit-library' || target === 'none') return no('这种情况不需要选择具体的团组织。');
  if (ctx.crossSystem === true) return no('跨系统转接的接收组织不在本系统中，请准确填写它的全称。');
  if (isSeparateSystemProvince(org.province)) {
    return no('北京、广东、福建的团组织使用各自的系统，转往那里属于跨系统转接，需要由学校团组织发起。');
  }
  if (org.kind === 'leading-organ') {
    return no('团的领导机关不直接接收团员，请选择它下面的团委、团工委、团总支或团支部。');
  }
  const purpose = org.purpose ?? null;
  const school = org.domain === 'school';
  switch (target) {
    case 'employer-org':
    case 'dispatching-unit-org':
      if (org.domain === 'township') return no('乡镇（街道）团组织不是工作单位的团组织；单位没有团组织的，请在问卷中选“没有”。');
      return purpose === null ? OK : no('这是为学生或毕业生专门设立的团组织，不是工作单位的团组织。');
    case 'admitted-school-org':
      if (!school) return no('升学的团员只能转到录取学校的团组织，不能转到乡镇（街道）或其他单位的团组织。');
      return purpose === null || purpose === 'new-students' || purpose === 'class'
        ? OK
        : no('请选择录取学校的新生团组织、班级团支部或学校团委。');
    case 'township-org':
      // A county committee's floating branch takes graduates a township cannot.
      if (org.domain === 'township' || (purpose === 'floating' && !school)) return OK;
      return no('请选择乡镇（街道）团组织，或者它的学社衔接临时团支部。');
    case 'school-floating-branch':
      return school && purpose === 'floating' ? OK : no('请选择学校的流动团员团支部。');
    case 'school-abroad-branch':
      return school && purpose === 'study-abroad' ? OK : no('请选择学校的出国(境)学习研究团员团支部。');
    case 'school-delayed-branch':
      return school && purpose === 'delayed-graduation' ? OK : no('请选择学校的延迟毕业团支部。');
    case 'school-rejoined-class-branch':
      return school && org.kind === 'branch' && (purpose === null || purpose === 'class')
        ? OK
        : no('请选择你复学所在班级的团支部。');
  }
}


/** The purpose of the own school's branch a graduate kept at school goes to; undefined for other targets. */
export function schoolBranchPurpose(target: TargetKind): 'floating' | 'study-abroad' | 'delayed-graduation' | undefined {
  if (target === 'school-floating-branch') return 'floating';
  if (target === 'school-abroad-branch') return 'study-abroad';
  return target === 'school-delayed-branch' ? 'delayed-graduation' : undefined;
}
