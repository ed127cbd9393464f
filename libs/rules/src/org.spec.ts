import {
  ORG_DOMAINS, ORG_DOMAIN_LABELS, ORG_KINDS, ORG_KIND_LABELS, ORG_PURPOSES, ORG_PURPOSE_LABELS, PROVINCE_NAMES,
  SEPARATE_SYSTEM_PROVINCES, TRANSITION_BRANCH_NAME, canMarkGraduation, isProvince, isSeparateSystemProvince, provinceLabel,
} from './org';
import type { OrgDomain, OrgKind } from './org';
import { targetFits } from './target-fit';
import type { OrgFacts } from './target-fit';
import type { TargetKind } from './types';

describe('org vocabulary', () => {
  it('labels every kind, domain and purpose in Chinese', () => {
    for (const k of ORG_KINDS) expect(ORG_KIND_LABELS[k]).toMatch(/^[\u4e00-\u9fff]+$/);
    for (const d of ORG_DOMAINS) expect(ORG_DOMAIN_LABELS[d]).toMatch(/^[\u4e00-\u9fff]+$/);
    for (const p of ORG_PURPOSES) expect(ORG_PURPOSE_LABELS[p]).toMatch(/[\u4e00-\u9fff]/);
    expect(ORG_PURPOSE_LABELS.transition).toBe(TRANSITION_BRANCH_NAME);
    expect(TRANSITION_BRANCH_NAME).toBe('学社衔接临时团支部');
  });

  it('knows all 31 mainland provinces by pinyin', () => {
    expect(Object.keys(PROVINCE_NAMES)).toHaveLength(31);
    expect(new Set(Object.values(PROVINCE_NAMES)).size).toBe(31);
    expect(PROVINCE_NAMES.hubei).toBe('湖北省');
    expect(PROVINCE_NAMES.shaanxi).toBe('陕西省');
    expect(isProvince('neimenggu')).toBe(true);
    expect(isProvince('hongkong')).toBe(false);
    expect(isProvince('toString')).toBe(false);
  });

  it('reads a province as a person does: the centre as 中央, never a raw code', () => {
    expect(provinceLabel('hubei')).toBe('湖北省');
    expect(provinceLabel('central')).toBe('中央');
    expect(provinceLabel('toString')).toBe('');
    expect(provinceLabel('atlantis')).toBe('');
  });

  it('has three separate-system provinces', () => {
    expect(SEPARATE_SYSTEM_PROVINCES).toEqual(['beijing', 'guangdong', 'fujian']);
    expect(Object.keys(PROVINCE_NAMES).filter(isSeparateSystemProvince)).toEqual(['beijing', 'fujian', 'guangdong']);
  });

  it('lets only school committees, working committees and general branches mark graduation', () => {
    const marking = ORG_KINDS.flatMap((k) => ORG_DOMAINS.map((d) => [k, d] as [OrgKind, OrgDomain]))
      .filter(([k, d]) => canMarkGraduation(k, d))
      .map(([k, d]) => `${k}/${d}`);
    expect(marking).toEqual(['committee/school', 'working-committee/school', 'general-branch/school']);
  });
});

const org = (over: Partial<OrgFacts>): OrgFacts => ({ kind: 'committee', domain: 'enterprise', province: 'hubei', ...over });

describe('targetFits', () => {
  const fits: [TargetKind, Partial<OrgFacts>][] = [
    ['employer-org', { domain: 'enterprise' }],
    ['employer-org', { domain: 'government', kind: 'branch' }],
    ['employer-org', { domain: 'other', purpose: null }],
    ['employer-org', { domain: 'school', kind: 'branch' }], // hired by a school: its staff branch
    ['dispatching-unit-org', { domain: 'enterprise', kind: 'general-branch' }],
    ['admitted-school-org', { domain: 'school' }],
    ['admitted-school-org', { domain: 'school', kind: 'branch', purpose: 'new-students' }],
    ['admitted-school-org', { domain: 'school', kind: 'branch', purpose: 'class' }],
    ['township-org', { domain: 'township', kind: 'working-committee' }],
    ['township-org', { domain: 'township', kind: 'branch', purpose: 'transition' }],
    ['township-org', { domain: 'township', kind: 'branch' }],
    ['township-org', { domain: 'government', kind: 'branch', purpose: 'floating' }], // a county committee's floating branch
    ['school-floating-branch', { domain: 'school', kind: 'branch', purpose: 'floating' }],
    ['school-abroad-branch', { domain: 'school', kind: 'branch', purpose: 'study-abroad' }],
    ['school-delayed-branch', { domain: 'school', kind: 'branch', purpose: 'delayed-graduation' }],
    ['school-rejoined-class-branch', { domain: 'school', kind: 'branch', purpose: 'class' }],
    ['school-rejoined-class-branch', { domain: 'school', kind: 'branch' }],
  ];

  it.each(fits)('%s takes %j', (target, facts) => {
    expect(targetFits(target, org(facts))).toEqual({ ok: true });
  });

  const misfits: [TargetKind, Partial<OrgFacts>, RegExp][] = [
    ['employer-org', { domain: 'township' }, /乡镇/],
    ['employer-org', { domain: 'enterprise', kind: 'leading-organ' }, /领导机关/],
    ['employer-org', { domain: 'school', kind: 'branch', purpose: 'class' }, /学生或毕业生/],
    ['dispatching-unit-org', { domain: 'township', kind: 'branch', purpose: 'transition' }, /乡镇/],
    ['admitted-school-org', { domain: 'township' }, /升学/],
    ['admitted-school-org', { domain: 'enterprise' }, /升学/],
    ['admitted-school-org', { domain: 'school', kind: 'branch', purpose: 'floating' }, /新生团组织/],
    ['township-org', { domain: 'school', kind: 'branch', purpose: 'floating' }, /乡镇/],
    ['township-org', { domain: 'enterprise' }, /乡镇/],
    ['township-org', { domain: 'government', kind: 'leading-organ' }, /领导机关/],
    ['school-floating-branch', { domain: 'school', kind: 'branch', purpose: 'class' }, /流动团员/],
    ['school-floating-branch', { domain: 'government', kind: 'branch', purpose: 'floating' }, /流动团员/],
    ['school-abroad-branch', { domain: 'school', kind: 'branch', purpose: 'floating' }, /出国/],
    ['school-delayed-branch', { domain: 'school', kind: 'branch' }, /延迟毕业/],
    ['school-rejoined-class-branch', { domain: 'school', kind: 'general-branch' }, /班级/],
    ['school-rejoined-class-branch', { domain: 'school', kind: 'branch', purpose: 'floating' }, /班级/],
    ['school-rejoined-class-branch', { domain: 'enterprise', kind: 'branch' }, /班级/],
    ['special-unit-library', { domain: 'government' }, /不需要选择/],
    ['none', { domain: 'school' }, /不需要选择/],
    ['employer-org', { domain: 'enterprise', province: 'beijing' }, /跨系统/],
    ['township-org', { domain: 'township', province: 'guangdong' }, /跨系统/],
  ];

  it.each(misfits)('%s refuses %j', (target, facts, reason) => {
    const fit = targetFits(target, org(facts));
    expect(fit).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('refuses any picked org for a cross-system transfer: its name is typed', () => {
    expect(targetFits('employer-org', org({}), { crossSystem: true })).toEqual({
      ok: false,
      reason: expect.stringContaining('全称'),
    });
    expect(targetFits('employer-org', org({}), { crossSystem: false })).toEqual({ ok: true });
  });
});
