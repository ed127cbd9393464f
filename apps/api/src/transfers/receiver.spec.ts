import { resolve, type Answers } from '@xianjie/rules';
import { AppError } from '../common/app-error';
import { chooseReceiver, schoolOf, type OrgFacts, type ReceiverFacts } from './receiver';

const org = (id: string, path: string, over: Partial<OrgFacts> = {}): OrgFacts => ({
  id, name: id, kind: 'branch', domain: 'school', purpose: null, province: 'hubei', path, ...over,
});
const hubei = org('hubei', '/hubei/', { kind: 'leading-organ', domain: 'government' });
const chutian = org('chutian', '/hubei/chutian/', { kind: 'committee' });
const college = org('cs', '/hubei/chutian/cs/', { kind: 'committee' });
const branch = org('cs-2201', '/hubei/chutian/cs/cs-2201/', { purpose: 'class' });
const floating = org('floating', '/hubei/chutian/floating/', { purpose: 'floating' });
const dongfeng = org('dongfeng', '/hubei/wuhan/dongfeng/', { kind: 'committee', domain: 'enterprise' });
const transition = org('transition', '/hubei/wuhan/hs/gs/transition/', { domain: 'township', purpose: 'transition' });

const facts: ReceiverFacts = { memberBranch: branch, school: chutian, targetOrg: null, schoolBranch: null };
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError && e.code === 'TARGET_NOT_ALLOWED') return String(e.details.reason);
    throw e;
  }
  throw new Error('not refused');
};
const choose = (answers: Answers, input: { targetOrgId?: string; targetOrgName?: string }, f: Partial<ReceiverFacts> = {}) =>
  chooseReceiver(resolve(answers), answers, input, { ...facts, ...f });

describe('chooseReceiver', () => {
  it('takes a fitting org by id, with its name, province and whether it is a branch', () => {
    expect(choose({ destination: 'employed', employerHasLeagueOrg: true }, { targetOrgId: 'dongfeng' }, { targetOrg: dongfeng })).toEqual({
      targetOrgId: 'dongfeng', targetOrgName: 'dongfeng', receiverProvince: 'hubei', receiverIsBranch: false,
    });
    expect(choose({ destination: 'employed', employerHasLeagueOrg: false }, { targetOrgId: 'transition' }, { targetOrg: transition }).receiverIsBranch).toBe(true);
  });

  it('refuses an org that does not fit, with libs/rules’ reason', () => {
    expect(refusal(() => choose({ destination: 'employed', employerHasLeagueOrg: true }, { targetOrgId: 'transition' }, { targetOrg: transition }))).toContain('乡镇');
  });

  it('special units name nothing; cross-system receivers are typed, never picked', () => {
    expect(choose({ destination: 'military' }, {})).toEqual({ targetOrgId: null, targetOrgName: null, receiverProvince: null, receiverIsBranch: false });
    expect(refusal(() => choose({ destination: 'military' }, { targetOrgName: '某部队' }))).toContain('不需要');
    const cross: Answers = { destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'guangdong' };
    expect(choose(cross, { targetOrgName: '广州某公司团支部' })).toEqual({
      targetOrgId: null, targetOrgName: '广州某公司团支部', receiverProvince: 'guangdong', receiverIsBranch: true,
    });
    expect(refusal(() => choose(cross, { targetOrgId: 'dongfeng' }, { targetOrg: dongfeng }))).toContain('全称');
    expect(refusal(() => choose(cross, { targetOrgName: '某司' }))).toContain('完整官方名称');
    expect(refusal(() => choose(cross, { targetOrgName: '北京的一家互联网公司' }))).toContain('结尾');
  });

  it('retention defaults to the school’s branch of that purpose, inside the member’s own school only', () => {
    const retain: Answers = { destination: 'unplaced', unplacedPlan: 'retain-at-school', monthsSinceGraduation: 1 };
    expect(choose(retain, {}, { schoolBranch: floating }).targetOrgId).toBe('floating');
    expect(refusal(() => choose(retain, {}))).toContain('学校还没有设立流动团员团支部');
    expect(refusal(() => choose(retain, {}, { school: null }))).toContain('在校学生');
    const elsewhere = org('other-floating', '/hubei/other/floating/', { purpose: 'floating' });
    expect(refusal(() => choose(retain, { targetOrgId: 'other-floating' }, { targetOrg: elsewhere }))).toContain('本校');
  });

  it('never "transfers" a member into the branch they are in', () => {
    expect(refusal(() => choose({ destination: 'suspended' }, { targetOrgId: 'cs-2201' }, { targetOrg: branch }))).toContain('已经在');
  });
});

describe('schoolOf', () => {
  it('is the top of the unbroken run of school orgs above the branch', () => {
    expect(schoolOf([hubei, chutian, college, branch])?.id).toBe('chutian');
    expect(schoolOf([hubei, dongfeng, org('rd', '/hubei/wuhan/dongfeng/rd/', { domain: 'enterprise' })])).toBeNull();
    // A school branch hanging under a company (a training centre) starts its own run.
    expect(schoolOf([hubei, chutian, dongfeng, branch])?.id).toBe('cs-2201');
  });
});
