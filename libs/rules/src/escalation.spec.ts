import {
  escalationActions, escalationOrgs, escalationState, isTownshipRefusal, latestPendingRetention, pendingRetentionRefusal,
  type ChainOrg, type EscalationFacts,
} from './escalation';
import { EVENT_ACTION_LABELS } from './timeline';

const org = (id: string, kind: ChainOrg['kind'], domain: ChainOrg['domain']): ChainOrg => ({ id, name: id, kind, domain });
const province = org('hubei', 'leading-organ', 'government');
const city = org('wuhan', 'leading-organ', 'government');
const county = org('hongshan', 'leading-organ', 'government');
const township = org('guanshan', 'working-committee', 'township');
const transition = org('guanshan-transition', 'branch', 'township');

const refused: EscalationFacts = {
  status: 'rejected', target: 'township-org', rejectedAt: 'pending-incoming', escalations: 0, retainedUntil: null,
  orgs: { township: true, county: true, city: true },
};

describe('escalationOrgs: who stands at each level above a township receiver', () => {
  it('the township org above its transition branch, then the nearest leading organs', () => {
    expect(escalationOrgs([province, city, county, township, transition])).toEqual({ township, county, city });
  });
  it('the township org itself as receiver', () => {
    expect(escalationOrgs([province, city, county, township])).toEqual({ township, county, city });
  });
  it('no city above: null there; no leading organ at all: both null', () => {
    expect(escalationOrgs([county, township, transition])).toEqual({ township, county, city: null });
    expect(escalationOrgs([township, transition])).toEqual({ township, county: null, city: null });
  });
  it('a receiver outside the township domain (a county floating branch) has no township path', () => {
    expect(escalationOrgs([province, county, org('hongshan-floating', 'branch', 'government')])).toEqual({ township: null, county: null, city: null });
    expect(escalationOrgs([])).toEqual({ township: null, county: null, city: null });
  });
});

describe('escalationState: level by level', () => {
  it('only a township refusal at its receiving step has the path', () => {
    expect(isTownshipRefusal(refused)).toBe(true);
    expect(escalationState({ ...refused, rejectedAt: 'pending-outgoing' })).toBeNull();
    expect(escalationState({ ...refused, target: 'employer-org' })).toBeNull();
    expect(escalationState({ ...refused, status: 'pending-incoming' })).toBeNull();
  });
  it('township first, then county, then city; the top has no next', () => {
    expect(escalationState(refused)).toEqual({ level: 'township', next: 'county', canRetain: true, offersFloatingBranch: true });
    expect(escalationState({ ...refused, escalations: 1 })).toMatchObject({ level: 'county', next: 'city' });
    expect(escalationState({ ...refused, escalations: 2 })).toMatchObject({ level: 'city', next: null });
    expect(escalationState({ ...refused, escalations: 5 })).toMatchObject({ level: 'city', next: null });
  });
  it('a level the tree lacks cannot be escalated to', () => {
    expect(escalationState({ ...refused, escalations: 1, orgs: { township: true, county: true, city: false } })).toMatchObject({ level: 'county', next: null });
  });
  it('one pending retention only', () => {
    expect(escalationState({ ...refused, retainedUntil: new Date('2026-12-01T00:00:00Z') })).toMatchObject({ canRetain: false });
  });
});

describe('escalationActions: the school takes the steps', () => {
  const state = escalationState(refused);
  it('the school may escalate and retain; the member and others may not', () => {
    expect(escalationActions(state, 'school')).toEqual(['escalate', 'retain-pending']);
    expect(escalationActions(state, 'member')).toEqual([]);
    expect(escalationActions(state, 'other')).toEqual([]);
    expect(escalationActions(null, 'school')).toEqual([]);
  });
  it('at the top, with a retention set: nothing left', () => {
    expect(escalationActions(escalationState({ ...refused, escalations: 2, retainedUntil: new Date() }), 'school')).toEqual([]);
  });
  it('the history has words for both steps', () => {
    expect(EVENT_ACTION_LABELS.escalate).toBe('向上级团组织反映');
    expect(EVENT_ACTION_LABELS['retain-pending']).toBe('学校暂时保留');
    expect(EVENT_ACTION_LABELS.submit).toBe('提交申请');
  });
});

describe('pendingRetentionRefusal: at most 6 months, after today', () => {
  const now = new Date('2026-08-31T02:00:00Z');
  it('six calendar months in Beijing time is the limit', () => {
    expect(latestPendingRetention(now).toISOString()).toBe('2027-02-28T02:00:00.000Z');
    expect(pendingRetentionRefusal(latestPendingRetention(now), now)).toBeNull();
    expect(pendingRetentionRefusal(new Date(latestPendingRetention(now).getTime() + 1), now)).toBe('beyond-limit');
  });
  it('not today or before', () => {
    expect(pendingRetentionRefusal(now, now)).toBe('not-after-today');
    expect(pendingRetentionRefusal(new Date('2026-01-01T00:00:00Z'), now)).toBe('not-after-today');
    expect(pendingRetentionRefusal(new Date('2026-10-01T00:00:00Z'), now)).toBeNull();
  });
});
