import { authorizeStep, callerActions, canSee, partiesOf, type CallerFacts, type TransferFacts } from './transfer-parties';

const SCHOOL = '/hubei/chutian/';
const COLLEGE = '/hubei/chutian/chutian-cs/';
const BRANCH = '/hubei/chutian/chutian-cs/chutian-cs-2201/';
const EMPLOYER = '/hubei/wuhan/dongfeng/';

const transfer = (over: Partial<TransferFacts> = {}): TransferFacts => ({
  memberId: 'm1',
  startedById: 'm1',
  startedByParty: 'member',
  path: 'standard',
  status: 'pending-outgoing',
  crossSystem: false,
  receiverIsBranch: false,
  outgoingOrg: { path: BRANCH, province: 'hubei' },
  targetOrg: { path: EMPLOYER },
  closedFrom: null,
  ...over,
});
const admin = (id: string, orgPath: string, role: 'org-admin' | 'counsellor' | 'provincial-reviewer' = 'org-admin', provinces: string[] = []): CallerFacts => ({
  id, grants: [{ role, orgPath }], reviewerProvinces: provinces,
});
const member = (id: string): CallerFacts => ({ id, grants: [], reviewerProvinces: [] });

describe('partiesOf', () => {
  it('tells the member, the outgoing side (branch and above), the receiving side, reviewers and watchers apart', () => {
    const t = transfer();
    expect(partiesOf(member('m1'), t)).toMatchObject({ member: true, starter: true, outgoing: false });
    expect(partiesOf(admin('s', BRANCH), t)).toMatchObject({ outgoing: true, outgoingAboveBranch: false });
    expect(partiesOf(admin('c', COLLEGE), t)).toMatchObject({ outgoing: true, outgoingAboveBranch: true });
    // The receiver is no party until the transfer reaches it (issue #10 item 4).
    expect(partiesOf(admin('d', EMPLOYER), t)).toMatchObject({ outgoing: false, receiving: false });
    expect(canSee(partiesOf(admin('d', EMPLOYER), t))).toBe(false);
    const reached = transfer({ status: 'pending-incoming' });
    expect(partiesOf(admin('d', EMPLOYER), reached)).toMatchObject({ outgoing: false, receiving: true });
    expect(partiesOf(admin('w', COLLEGE, 'counsellor'), t)).toMatchObject({ outgoing: false, watcher: true });
    // A reviewer only matters on the special-unit path, and only for the school's province.
    expect(partiesOf(admin('r', '/hubei/', 'provincial-reviewer', ['hubei']), t).provincial).toBe(false);
    const special = transfer({ path: 'special-unit', targetOrg: null });
    expect(partiesOf(admin('r', '/hubei/', 'provincial-reviewer', ['hubei']), special).provincial).toBe(true);
    expect(partiesOf(admin('r', '/hunan/', 'provincial-reviewer', ['hunan']), special).provincial).toBe(false);
  });

  it('a path prefix is a subtree: another college is nobody', () => {
    const p = partiesOf(admin('e', '/hubei/chutian/chutian-ee/'), transfer());
    expect(canSee(p)).toBe(false);
    // A look-alike id is not a parent: paths end with a slash.
    expect(canSee(partiesOf(admin('x', '/hubei/chutian/chutian-cs-2'), transfer()))).toBe(false);
  });

  it('a counsellor over the school sees transfers but holds no step', () => {
    const p = partiesOf(admin('w', SCHOOL, 'counsellor'), transfer());
    expect(canSee(p)).toBe(true);
    expect(callerActions(transfer(), p)).toEqual([]);
  });
});

describe('authorizeStep', () => {
  it('lets the party whose step it is act, and picks that party when the caller holds two', () => {
    const both: CallerFacts = { id: 'a', grants: [{ role: 'org-admin', orgPath: COLLEGE }, { role: 'org-admin', orgPath: EMPLOYER }], reviewerProvinces: [] };
    const t = transfer();
    expect(authorizeStep('approve', t, partiesOf(both, t))).toEqual({ party: 'outgoing-admin', action: 'approve', next: 'pending-incoming' });
    const incoming = transfer({ status: 'pending-incoming' });
    expect(authorizeStep('approve', incoming, partiesOf(both, incoming))).toEqual({ party: 'receiving-admin', action: 'approve', next: 'pending-assignment' });
  });

  it('refuses with the lifecycle’s own codes', () => {
    const t = transfer();
    expect(() => authorizeStep('approve', t, partiesOf(member('m1'), t))).toThrow(expect.objectContaining({ code: 'NOT_YOUR_STEP' }));
    const done = transfer({ status: 'completed' });
    expect(() => authorizeStep('approve', done, partiesOf(admin('c', COLLEGE), done))).toThrow(expect.objectContaining({ code: 'ACTION_NOT_ALLOWED' }));
    const cross = transfer({ crossSystem: true, targetOrg: null, startedById: 'c', startedByParty: 'outgoing-admin' });
    expect(() => authorizeStep('withdraw', cross, partiesOf(admin('c', COLLEGE), cross))).toThrow(expect.objectContaining({ code: 'WITHDRAW_NOT_ALLOWED' }));
  });

  it('retention is approved by the college committee, not by the branch secretary', () => {
    const t = transfer({ path: 'retention', targetOrg: { path: '/hubei/chutian/chutian-floating/' } });
    expect(() => authorizeStep('approve', t, partiesOf(admin('s', BRANCH), t))).toThrow(expect.objectContaining({ code: 'NOT_YOUR_STEP' }));
    expect(authorizeStep('approve', t, partiesOf(admin('c', COLLEGE), t)).next).toBe('completed');
  });

  it('records provincial approval as its own action', () => {
    const t = transfer({ path: 'special-unit', status: 'pending-provincial', targetOrg: null });
    expect(authorizeStep('approve', t, partiesOf(admin('r', '/hubei/', 'provincial-reviewer', ['hubei']), t))).toEqual({
      party: 'provincial-reviewer', action: 'provincial-approve', next: 'completed',
    });
  });

  it('withdraw: the member or the admin who started it, never another admin', () => {
    const byCollege = transfer({ startedById: 'c', startedByParty: 'outgoing-admin' });
    expect(authorizeStep('withdraw', byCollege, partiesOf(member('m1'), byCollege)).party).toBe('member');
    expect(authorizeStep('withdraw', byCollege, partiesOf(admin('c', COLLEGE), byCollege)).next).toBe('withdrawn');
    expect(() => authorizeStep('withdraw', byCollege, partiesOf(admin('s', BRANCH), byCollege))).toThrow(expect.objectContaining({ code: 'NOT_YOUR_STEP' }));
  });
});

describe('the receiving side before and after the transfer reached it', () => {
  const closed = (status: 'rejected' | 'withdrawn', closedFrom: 'pending-outgoing' | 'pending-incoming') => transfer({ status, closedFrom });
  it('sees what it decided or what was withdrawn while waiting for it, never what closed before', () => {
    const see = (t: TransferFacts) => canSee(partiesOf(admin('d', EMPLOYER), t));
    expect(see(closed('rejected', 'pending-incoming'))).toBe(true);
    expect(see(closed('withdrawn', 'pending-incoming'))).toBe(true);
    expect(see(closed('rejected', 'pending-outgoing'))).toBe(false);
    expect(see(closed('withdrawn', 'pending-outgoing'))).toBe(false);
    expect(see(transfer({ status: 'completed' }))).toBe(true);
  });
  it('a receiving admin who started it sees it as its starter, and may withdraw or change it', () => {
    const t = transfer({ startedById: 'd', startedByParty: 'receiving-admin' });
    const p = partiesOf(admin('d', EMPLOYER), t);
    expect(p).toMatchObject({ starter: true, receiving: false });
    expect(canSee(p)).toBe(true);
    expect(callerActions(t, p)).toEqual(['withdraw', 'modify']);
  });
});

describe('nobody judges their own transfer', () => {
  it('a secretary who is the member gets no judging buttons and NOT_YOUR_STEP', () => {
    const t = transfer({ memberId: 's', startedById: 's' });
    const p = partiesOf({ id: 's', grants: [{ role: 'org-admin', orgPath: BRANCH }], reviewerProvinces: [] }, t);
    expect(p).toMatchObject({ member: true, outgoing: true });
    expect(callerActions(t, p)).toEqual(['withdraw', 'modify']);
    expect(() => authorizeStep('approve', t, p)).toThrow(expect.objectContaining({ code: 'NOT_YOUR_STEP' }));
    expect(() => authorizeStep('reject', t, p)).toThrow(expect.objectContaining({ code: 'NOT_YOUR_STEP' }));
  });
});

describe('callerActions', () => {
  it('are exactly the routes that would accept the caller now', () => {
    const t = transfer({ startedById: 'c', startedByParty: 'outgoing-admin' });
    expect(callerActions(t, partiesOf(admin('c', COLLEGE), t))).toEqual(['approve', 'reject', 'withdraw', 'modify']);
    expect(callerActions(t, partiesOf(member('m1'), t))).toEqual(['withdraw', 'modify']);
    expect(callerActions(t, partiesOf(admin('d', EMPLOYER), t))).toEqual([]);
    const assigning = transfer({ status: 'pending-assignment' });
    expect(callerActions(assigning, partiesOf(admin('d', EMPLOYER), assigning))).toEqual(['assign']);
    const provincial = transfer({ path: 'special-unit', status: 'pending-provincial', targetOrg: null });
    expect(callerActions(provincial, partiesOf(admin('r', '/hubei/', 'provincial-reviewer', ['hubei']), provincial))).toEqual(['approve', 'reject']);
  });
});
