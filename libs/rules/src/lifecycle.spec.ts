import {
  LifecycleError, OPEN_STATUSES, PARTIES, STAGE_DEADLINE_DAYS, TRANSFER_ACTIONS, TRANSFER_STATUSES,
  actorFor, allowedActions, canStart, canWithdraw, initialStatus, isAutoApprovable, isOpen, isOverdue,
  nextStatus, pathFor, reachedReceiver, shapeFor, stageDeadline, stagesOf,
} from './lifecycle';
import type { Party, TransferAction, TransferShape, TransferStatus } from './lifecycle';
import { resolve } from './resolve';

type ShapeName = 'standard' | 'standard-assign' | 'cross' | 'special-unit' | 'retention';

/** Every combination of the shape flags, named by the steps it should have. */
const ALL_SHAPES: TransferShape[] = (['standard', 'special-unit', 'retention'] as const).flatMap((path) =>
  [false, true].flatMap((crossSystem) => [false, true].map((receiverIsBranch) => ({ path, crossSystem, receiverIsBranch }))),
);

function nameOf(s: TransferShape): ShapeName {
  if (s.path !== 'standard') return s.path;
  if (s.crossSystem) return 'cross';
  return s.receiverIsBranch ? 'standard' : 'standard-assign';
}

/**
 * Every allowed move, written out by hand from domain §4. `admin+` means that admin only
 * when they started the transfer. Everything not listed must be refused.
 */
const withdrawals = (status: string): string[] =>
  ['member', 'outgoing-admin+', 'receiving-admin+'].flatMap((p) => [`${status} withdraw ${p} -> withdrawn`, `${status} modify ${p} -> ${status}`]);

const ALLOWED: Record<ShapeName, string[]> = {
  standard: [
    'pending-outgoing approve outgoing-admin -> pending-incoming',
    'pending-outgoing auto-approve system -> pending-incoming',
    'pending-outgoing reject outgoing-admin -> rejected',
    ...withdrawals('pending-outgoing'),
    'pending-incoming approve receiving-admin -> completed',
    'pending-incoming auto-approve system -> completed',
    'pending-incoming reject receiving-admin -> rejected',
    ...withdrawals('pending-incoming'),
  ],
  'standard-assign': [
    'pending-outgoing approve outgoing-admin -> pending-incoming',
    'pending-outgoing auto-approve system -> pending-incoming',
    'pending-outgoing reject outgoing-admin -> rejected',
    ...withdrawals('pending-outgoing'),
    'pending-incoming approve receiving-admin -> pending-assignment',
    'pending-incoming auto-approve system -> pending-assignment',
    'pending-incoming reject receiving-admin -> rejected',
    ...withdrawals('pending-incoming'),
    'pending-assignment assign receiving-admin -> completed',
  ],
  cross: [
    'pending-outgoing approve outgoing-admin -> completed',
    'pending-outgoing auto-approve system -> completed',
    'pending-outgoing reject outgoing-admin -> rejected',
  ],
  'special-unit': [
    'pending-outgoing approve outgoing-admin -> pending-provincial',
    'pending-outgoing auto-approve system -> pending-provincial',
    'pending-outgoing reject outgoing-admin -> rejected',
    ...withdrawals('pending-outgoing'),
    'pending-provincial approve provincial-reviewer -> completed',
    'pending-provincial provincial-approve provincial-reviewer -> completed',
    'pending-provincial auto-approve system -> completed',
    'pending-provincial reject provincial-reviewer -> rejected',
    ...withdrawals('pending-provincial'),
  ],
  retention: [
    'pending-outgoing approve outgoing-admin -> completed',
    'pending-outgoing auto-approve system -> completed',
    'pending-outgoing reject outgoing-admin -> rejected',
    ...withdrawals('pending-outgoing'),
  ],
};

type Move = { status: string; action: string; party: string; starterOnly: boolean; next: string };
const MOVES: Record<ShapeName, Move[]> = Object.fromEntries(
  Object.entries(ALLOWED).map(([name, lines]) => [
    name,
    lines.map((line) => {
      const [status, action, party, , next] = line.split(' ') as [string, string, string, string, string];
      return { status, action, party: party.replace('+', ''), starterOnly: party.endsWith('+'), next };
    }),
  ]),
) as Record<ShapeName, Move[]>;

function expected(shape: TransferShape, status: TransferStatus, action: TransferAction, party: Party, starter: boolean) {
  const moves = MOVES[nameOf(shape)].filter((m) => m.status === status && m.action === action);
  const move = moves.find((m) => m.party === party && (!m.starterOnly || starter));
  if (move) return { next: move.next };
  // Someone could do this here, just not this party → not their step; otherwise the move does not exist.
  if (moves.length > 0) return { code: 'NOT_YOUR_STEP' };
  return { code: action === 'withdraw' ? 'WITHDRAW_NOT_ALLOWED' : action === 'modify' ? 'MODIFY_NOT_ALLOWED' : 'ACTION_NOT_ALLOWED' };
}

describe('the full move matrix: status × action × party × shape', () => {
  const cases = ALL_SHAPES.flatMap((shape) =>
    TRANSFER_STATUSES.flatMap((status) =>
      TRANSFER_ACTIONS.flatMap((action) =>
        PARTIES.flatMap((party) =>
          [false, true].map((starter) => [
            `${JSON.stringify(shape)} ${status} ${action} by ${party}${starter ? ' (starter)' : ''}`,
            shape, status, action, party, starter,
          ] as const),
        ),
      ),
    ),
  );

  it('covers every combination', () => {
    expect(cases).toHaveLength(12 * 7 * 8 * 5 * 2);
    expect(cases.filter((c) => 'next' in expected(c[1], c[2], c[3], c[4], c[5])).length).toBeGreaterThan(100);
  });

  it.each(cases)('%s', (_name, shape, status, action, party, starter) => {
    const want = expected(shape, status, action, party, starter);
    const opts = { isStarterOrMember: starter };
    const allowed = allowedActions(status, shape, party, opts).includes(action);
    if ('next' in want) {
      expect(nextStatus(status, action, shape, party, opts)).toBe(want.next);
      expect(allowed).toBe(true);
    } else {
      expect(() => nextStatus(status, action, shape, party, opts)).toThrow(
        expect.objectContaining({ name: 'LifecycleError', code: want.code, message: expect.stringMatching(/[\u4e00-\u9fff]/) }),
      );
      expect(allowed).toBe(false);
    }
  });

  it('refuses an admin withdrawal unless told they started it', () => {
    const shape: TransferShape = { path: 'standard', crossSystem: false, receiverIsBranch: true };
    expect(() => nextStatus('pending-outgoing', 'withdraw', shape, 'outgoing-admin')).toThrow(LifecycleError);
    expect(allowedActions('pending-outgoing', shape, 'outgoing-admin')).toEqual(['approve', 'reject']);
    expect(nextStatus('pending-outgoing', 'withdraw', shape, 'member')).toBe('withdrawn');
  });
});

describe('nobody judges their own transfer', () => {
  const assign: TransferShape = { path: 'standard', crossSystem: false, receiverIsBranch: false };
  const special: TransferShape = { path: 'special-unit', crossSystem: false, receiverIsBranch: false };
  it.each([
    ['pending-outgoing', 'approve', assign, 'outgoing-admin'],
    ['pending-outgoing', 'reject', assign, 'outgoing-admin'],
    ['pending-incoming', 'approve', assign, 'receiving-admin'],
    ['pending-assignment', 'assign', assign, 'receiving-admin'],
    ['pending-provincial', 'provincial-approve', special, 'provincial-reviewer'],
  ] as const)('%s %s by a %s who is the member: NOT_YOUR_STEP', (status, action, shape, party) => {
    expect(nextStatus(status, action, shape, party)).toBeTruthy();
    expect(() => nextStatus(status, action, shape, party, { isMember: true })).toThrow(
      expect.objectContaining({ code: 'NOT_YOUR_STEP', message: expect.stringContaining('自己') }),
    );
    expect(allowedActions(status, shape, party, { isMember: true })).not.toContain(action);
  });

  it('still withdraws and changes it, and leaves wrong-status refusals as they were', () => {
    expect(allowedActions('pending-outgoing', assign, 'member', { isMember: true })).toEqual(['withdraw', 'modify']);
    expect(() => nextStatus('pending-assignment', 'approve', assign, 'receiving-admin', { isMember: true })).toThrow(
      expect.objectContaining({ code: 'ACTION_NOT_ALLOWED' }),
    );
    expect(nextStatus('pending-outgoing', 'auto-approve', assign, 'system', { isMember: true })).toBe('pending-incoming');
  });
});

describe('changing an application', () => {
  const standard: TransferShape = { path: 'standard', crossSystem: false, receiverIsBranch: false };
  it('says why not in its own words', () => {
    const refusal = (status: TransferStatus, shape: TransferShape, party: Party = 'member') => {
      try {
        nextStatus(status, 'modify', shape, party);
      } catch (e) {
        return [(e as LifecycleError).code, (e as LifecycleError).message];
      }
      return null;
    };
    expect(refusal('pending-assignment', standard)).toEqual(['MODIFY_NOT_ALLOWED', expect.stringContaining('不能修改')]);
    expect(refusal('completed', standard)).toEqual(['MODIFY_NOT_ALLOWED', expect.stringContaining('已经结束')]);
    expect(refusal('pending-outgoing', { ...standard, crossSystem: true })).toEqual(['MODIFY_NOT_ALLOWED', expect.stringContaining('跨系统')]);
    expect(refusal('pending-outgoing', standard, 'outgoing-admin')).toEqual(['NOT_YOUR_STEP', expect.stringContaining('修改')]);
    expect(refusal('pending-incoming', standard)).toBeNull();
  });
});

describe('reachedReceiver', () => {
  const standard: TransferShape = { path: 'standard', crossSystem: false, receiverIsBranch: false };
  it('is true once it got to the receiving side, or closed there', () => {
    expect(TRANSFER_STATUSES.filter((s) => reachedReceiver(s, standard, null))).toEqual(['pending-incoming', 'pending-assignment', 'completed']);
    expect(reachedReceiver('rejected', standard, 'pending-incoming')).toBe(true);
    expect(reachedReceiver('withdrawn', standard, 'pending-incoming')).toBe(true);
    expect(reachedReceiver('rejected', standard, 'pending-outgoing')).toBe(false);
    expect(reachedReceiver('withdrawn', standard, 'pending-outgoing')).toBe(false);
    expect(reachedReceiver('pending-outgoing', standard, null)).toBe(false);
  });
  it('never for a transfer with no receiving side in this system', () => {
    for (const shape of [{ ...standard, crossSystem: true }, { ...standard, path: 'special-unit' as const }, { ...standard, path: 'retention' as const }]) {
      expect(TRANSFER_STATUSES.filter((s) => reachedReceiver(s, shape, 'pending-incoming'))).toEqual([]);
    }
  });
});

describe('who starts, whose step', () => {
  const starters: Record<ShapeName, Party[]> = {
    standard: ['member', 'outgoing-admin', 'receiving-admin'],
    'standard-assign': ['member', 'outgoing-admin', 'receiving-admin'],
    cross: ['outgoing-admin'],
    'special-unit': ['member', 'outgoing-admin'],
    retention: ['member', 'outgoing-admin'],
  };

  it.each(ALL_SHAPES.map((s) => [JSON.stringify(s), s] as const))('canStart for %s', (_n, shape) => {
    expect(PARTIES.filter((p) => canStart(p, shape))).toEqual(starters[nameOf(shape)]);
    expect(initialStatus(shape)).toBe('pending-outgoing');
  });

  const stages: Record<ShapeName, TransferStatus[]> = {
    standard: ['pending-outgoing', 'pending-incoming'],
    'standard-assign': ['pending-outgoing', 'pending-incoming', 'pending-assignment'],
    cross: ['pending-outgoing'],
    'special-unit': ['pending-outgoing', 'pending-provincial'],
    retention: ['pending-outgoing'],
  };
  const actors: Record<string, Party> = {
    'pending-outgoing': 'outgoing-admin',
    'pending-provincial': 'provincial-reviewer',
    'pending-incoming': 'receiving-admin',
    'pending-assignment': 'receiving-admin',
  };

  it.each(ALL_SHAPES.map((s) => [JSON.stringify(s), s] as const))('actorFor for %s', (_n, shape) => {
    expect(stagesOf(shape)).toEqual(stages[nameOf(shape)]);
    for (const status of TRANSFER_STATUSES) {
      expect(actorFor(status, shape)).toBe(stages[nameOf(shape)].includes(status) ? actors[status] : null);
    }
  });
});

describe('withdrawing', () => {
  const standard: TransferShape = { path: 'standard', crossSystem: false, receiverIsBranch: false };
  it('is possible only before the receiving side acts', () => {
    expect(TRANSFER_STATUSES.filter((s) => canWithdraw(s, standard))).toEqual(['pending-outgoing', 'pending-incoming']);
    const special: TransferShape = { path: 'special-unit', crossSystem: false, receiverIsBranch: false };
    expect(TRANSFER_STATUSES.filter((s) => canWithdraw(s, special))).toEqual(['pending-outgoing', 'pending-provincial']);
  });
  it('is never possible cross-system', () => {
    const cross: TransferShape = { path: 'standard', crossSystem: true, receiverIsBranch: true };
    expect(TRANSFER_STATUSES.filter((s) => canWithdraw(s, cross))).toEqual([]);
  });
});

describe('statuses and deadlines', () => {
  it('knows which statuses are open', () => {
    expect(TRANSFER_STATUSES.filter(isOpen)).toEqual(OPEN_STATUSES);
    expect(OPEN_STATUSES).toEqual(['pending-outgoing', 'pending-provincial', 'pending-incoming', 'pending-assignment']);
  });

  it('auto-approves approval stages only, never assignment', () => {
    expect(TRANSFER_STATUSES.filter(isAutoApprovable)).toEqual(['pending-outgoing', 'pending-provincial', 'pending-incoming']);
  });

  it('gives each stage 15 days', () => {
    expect(STAGE_DEADLINE_DAYS).toBe(15);
    expect(stageDeadline(new Date('2025-06-20T03:00:00Z'))).toEqual(new Date('2025-07-05T03:00:00Z'));
  });

  it('is overdue from the deadline on, in approval stages only', () => {
    const entered = new Date('2025-06-20T03:00:00Z');
    expect(isOverdue('pending-incoming', entered, new Date('2025-07-05T02:59:59Z'))).toBe(false);
    expect(isOverdue('pending-incoming', entered, new Date('2025-07-05T03:00:00Z'))).toBe(true);
    expect(isOverdue('pending-assignment', entered, new Date('2025-09-01T00:00:00Z'))).toBe(false);
    expect(isOverdue('completed', entered, new Date('2025-09-01T00:00:00Z'))).toBe(false);
  });
});

describe('pathFor and shapeFor', () => {
  it.each([
    [{ destination: 'employed', employerHasLeagueOrg: true }, 'standard'],
    [{ destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'beijing' }, 'standard'],
    [{ destination: 'military' }, 'special-unit'],
    [{ destination: 'study-abroad' }, 'retention'],
    [{ destination: 'further-study', admittedSchoolOrgReady: false }, null],
    [{ destination: 'suspended', isLeagueMember: false }, null],
    [{ destination: 'suspended', inSystem: false }, null],
  ] as const)('%j → %s', (answers, path) => {
    expect(pathFor(resolve(answers))).toBe(path);
  });

  it('carries cross-system and the receiver kind into the shape', () => {
    const r = resolve({ destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'fujian' });
    expect(shapeFor(r, false)).toEqual({ path: 'standard', crossSystem: true, receiverIsBranch: false });
    expect(shapeFor(resolve({ destination: 'military', inSystem: false }), true)).toBeNull();
  });
});
