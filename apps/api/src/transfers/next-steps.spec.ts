import { nextSteps, type NextStepFacts } from './next-steps';

const base: NextStepFacts = {
  status: 'pending-outgoing', path: 'standard', target: 'employer-org', crossSystem: false, receiverName: '东风智造集团有限公司团委',
  stageDeadline: '2026-07-16T02:00:00.000Z', rejectionReason: null, rejectedAt: null,
};

describe('nextSteps', () => {
  it('names the stage and the day it is approved automatically (Beijing date)', () => {
    expect(nextSteps(base)).toEqual(['等待转出组织（学校团组织）审批。', '2026-07-16前仍未处理的，系统将自动通过这一环节。']);
    expect(nextSteps({ ...base, stageDeadline: '2026-07-16T17:00:00.000Z' })[1]).toContain('2026-07-17');
    expect(nextSteps({ ...base, status: 'pending-incoming' })[0]).toBe('等待东风智造集团有限公司团委审批接收。');
    expect(nextSteps({ ...base, path: 'retention' })[0]).toContain('院系团委');
    expect(nextSteps({ ...base, status: 'pending-provincial', path: 'special-unit' }).join('')).toContain('线下手续');
  });

  it('a township’s refusal lays out the escalation path', () => {
    const steps = nextSteps({
      ...base, status: 'rejected', target: 'township-org', receiverName: '学社衔接临时团支部', rejectionReason: '不是本街道户籍', rejectedAt: 'pending-incoming',
      township: { superiorName: '共青团武汉市洪山区委', countyFloatingBranchName: '洪山区流动团员团支部' },
    });
    expect(steps).toHaveLength(5);
    expect(steps[0]).toContain('不是本街道户籍');
    expect(steps[1]).toContain('沟通');
    expect(steps[2]).toContain('（共青团武汉市洪山区委）');
    expect(steps[3]).toContain('一般不超过6个月');
    expect(steps[4]).toContain('洪山区流动团员团支部');
  });

  it('the school’s own refusal of a township-bound graduate is an ordinary rejection', () => {
    const steps = nextSteps({ ...base, status: 'rejected', target: 'township-org', rejectionReason: '信息有误', rejectedAt: 'pending-outgoing' });
    expect(steps).toEqual(['驳回原因：信息有误', '请按驳回原因修改后重新提交；有疑问请联系驳回的团组织。']);
  });

  it('says where a completed transfer left the member', () => {
    expect(nextSteps({ ...base, status: 'completed' })).toEqual(['团组织关系已转入东风智造集团有限公司团委。']);
    expect(nextSteps({ ...base, status: 'completed', crossSystem: true })[0]).toContain('当地系统');
    expect(nextSteps({ ...base, status: 'completed', path: 'special-unit' })[0]).toContain('特殊单位专属库');
    const floating = nextSteps({
      ...base, status: 'completed', path: 'retention', target: 'school-floating-branch', receiverName: '楚天大学流动团员团支部',
      retention: { followUpAt: '2027-01-01T02:00:00.000Z', expiresAt: '2027-07-01T02:00:00.000Z' },
    });
    expect(floating[0]).toBe('团组织关系已保留在楚天大学流动团员团支部。');
    expect(floating[1]).toContain('2027-07-01前必须转出');
    expect(nextSteps({ ...base, status: 'completed', path: 'retention', target: 'school-abroad-branch' })[1]).toContain('回国后');
    expect(nextSteps({ ...base, status: 'withdrawn' })[0]).toContain('撤回');
  });
});
