import { leagueOrgNameProblem, ORG_PURPOSE_LABELS, targetFits, type Answers, type Resolution } from '@xianjie/rules';
import type { Org } from '../orgs/org.entity';
import { targetNotAllowed } from './transfers.errors';
import { RETENTION_PURPOSE } from './retention-plan';
import { isWithin } from '../auth/subtree';

export type OrgFacts = Pick<Org, 'id' | 'name' | 'kind' | 'domain' | 'purpose' | 'province' | 'path'>;

export interface ReceiverChoice {
  targetOrgId: string | null;
  targetOrgName: string | null;
  receiverProvince: string | null;
  receiverIsBranch: boolean;
}

export interface ReceiverFacts {
  memberBranch: OrgFacts;
  /** The member's own school (its top school-domain org), when the member is at one. */
  school: OrgFacts | null;
  /** The org named by targetOrgId, when it exists (a deleted branch is refused like a missing one). */
  targetOrg: (OrgFacts & { deletedAt?: string | null }) | null;
  /** Retention without a named branch: the school's branch of that purpose, when there is one. */
  schoolBranch: OrgFacts | null;
}


/**
 * Who receives, checked against the resolution the server computed itself: the org's kind,
 * domain, purpose and province (libs/rules `targetFits`), plus what only the API knows — the
 * member's own school for retention and a rejoined class, and the org they are already in.
 * Throws 422 TARGET_NOT_ALLOWED with the reason.
 */
export function chooseReceiver(
  resolution: Resolution, answers: Pick<Answers, 'receiverRegion'>, input: { targetOrgId?: string; targetOrgName?: string },
  facts: ReceiverFacts,
): ReceiverChoice {
  const target = resolution.target;
  if (target === 'special-unit-library' || target === 'none') {
    if (input.targetOrgId || input.targetOrgName) throw targetNotAllowed(refusal(targetFits(target, facts.memberBranch)));
    return { targetOrgId: null, targetOrgName: null, receiverProvince: null, receiverIsBranch: false };
  }

  if (resolution.crossSystem) {
    // The receiver lives in another province's system: it cannot be picked, only typed in full.
    if (input.targetOrgId) throw targetNotAllowed(refusal(targetFits(target, facts.targetOrg ?? facts.memberBranch, { crossSystem: true })));
    const name = (input.targetOrgName ?? '').trim();
    const problem = leagueOrgNameProblem(name);
    if (problem) throw targetNotAllowed(problem);
    return { targetOrgId: null, targetOrgName: name, receiverProvince: answers.receiverRegion ?? null, receiverIsBranch: /团支部$/.test(name) };
  }

  const retentionPurpose = RETENTION_PURPOSE[target];
  const atOwnSchool = retentionPurpose !== undefined || target === 'school-rejoined-class-branch';
  if (input.targetOrgId && (!facts.targetOrg || facts.targetOrg.deletedAt)) throw targetNotAllowed('所选的接收组织不存在。');
  const org = facts.targetOrg ?? (retentionPurpose ? facts.schoolBranch : null);
  if (!org) {
    if (input.targetOrgName) throw targetNotAllowed('请从组织列表中选择接收组织；只有跨系统转接才填写组织全称。');
    if (retentionPurpose && facts.school) throw targetNotAllowed(`学校还没有设立${ORG_PURPOSE_LABELS[retentionPurpose]}，请联系学校团委。`);
    if (retentionPurpose) throw targetNotAllowed('只有在校学生的团组织关系可以保留在学校。');
    throw targetNotAllowed('请选择接收组织。');
  }

  const fit = targetFits(target, org, { crossSystem: false });
  if (!fit.ok) throw targetNotAllowed(fit.reason);
  const forbidden = resolution.forbiddenTargets.find((f) => targetFits(f, org).ok);
  if (forbidden) throw targetNotAllowed('按你的去向，不能把团组织关系转到这类组织。');
  if (org.id === facts.memberBranch.id) throw targetNotAllowed('团员已经在这个团组织，不需要转接。');
  if (atOwnSchool && !(facts.school && isWithin(org.path, facts.school.path))) {
    throw targetNotAllowed(target === 'school-rejoined-class-branch' ? '请选择本校你复学所在班级的团支部。' : '只能保留在本校的团支部。');
  }
  return { targetOrgId: org.id, targetOrgName: org.name, receiverProvince: org.province, receiverIsBranch: org.kind === 'branch' };
}

function refusal(fit: { ok: boolean; reason?: string }): string {
  return fit.reason ?? '这种情况不需要选择具体的团组织。';
}

/**
 * The member's school: walking down from the root, the first school-domain org from which
 * every org down to the member's branch is school-domain too.
 */
export function schoolOf<T extends OrgFacts>(chain: T[]): T | null {
  let school: T | null = null;
  for (const org of chain) {
    if (org.domain !== 'school') school = null;
    else school ??= org;
  }
  return school;
}
