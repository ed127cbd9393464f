import { deadlineLine, landingState, landingSteps, MemberTransfer } from './reminder-steps';

const t = (id: string, status: MemberTransfer['status'], createdAt: string, extra: Partial<MemberTransfer> = {}): MemberTransfer => ({
  id, status, path: 'standard', target: 'employer-org', crossSystem: false, targetOrgName: '东风智造集团有限公司团委',
  stageDeadline: null, rejectionReason: null, retentionFollowUpAt: null, retentionExpiresAt: null, createdAt, ...extra,
});

describe('landingState', () => {
  it('is not started without transfers, or with only withdrawn / rejected ones', () => {
    expect(landingState([])).toEqual({ status: 'not-started', transfer: null, previous: null });
    const s = landingState([t('a', 'withdrawn', '2026-07-01'), t('b', 'rejected', '2026-07-03')]);
    expect(s.status).toBe('not-started');
    expect(s.previous?.id).toBe('b');
  });

  it('prefers an open transfer, then the latest completed one', () => {
    expect(landingState([t('a', 'completed', '2026-07-01', { path: 'retention' }), t('b', 'pending-incoming', '2026-07-05')]))
      .toMatchObject({ status: 'in-progress', transfer: { id: 'b' } });
    expect(landingState([t('a', 'completed', '2026-07-01'), t('b', 'completed', '2026-07-09'), t('c', 'rejected', '2026-07-10')]))
      .toMatchObject({ status: 'completed', transfer: { id: 'b' } });
  });
});

describe('landingSteps', () => {
  it('tells a graduate who has not started what to do and by when', () => {
    const steps = landingSteps(landingState([]), { startedBy: '2026-08-31', daysLeft: 61 });
    expect(steps.join('')).toContain('转接申请');
    expect(steps.some((s) => s.includes('2026-08-31') && s.includes('61'))).toBe(true);
    expect(steps[0]).toContain('开始办理');
    // The graduate reading it is logged in already.
    expect(steps.join('')).not.toContain('登录');
  });

  it('starts with the rejection reason when the last application was refused', () => {
    const steps = landingSteps(landingState([t('a', 'rejected', '2026-07-02', { rejectionReason: '接收单位填写有误' })]), null);
    expect(steps[0]).toContain('接收单位填写有误');
  });

  it('uses the transfer’s own next steps once started', () => {
    const steps = landingSteps(landingState([t('a', 'pending-incoming', '2026-07-02')]), { startedBy: '2026-08-31', daysLeft: 3 });
    expect(steps[0]).toContain('东风智造集团有限公司团委');
  });

  it('words the deadline for before, on and after the day', () => {
    expect(deadlineLine({ startedBy: '2026-08-31', daysLeft: 0 })[0]).toContain('今天');
    expect(deadlineLine({ startedBy: '2026-08-31', daysLeft: -2 })[0]).toContain('已过');
    expect(deadlineLine(null)).toEqual([]);
  });
});
