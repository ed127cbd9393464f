import { TRANSFER_ACTIONS, TRANSFER_STATUSES } from './lifecycle';
import type { TransferShape } from './lifecycle';
import { ACTION_LABELS, STATUS_LABELS, timeline, timelineStates } from './timeline';

const standard: TransferShape = { path: 'standard', crossSystem: false, receiverIsBranch: true };
const assigning: TransferShape = { ...standard, receiverIsBranch: false };
const cross: TransferShape = { ...standard, crossSystem: true };
const special: TransferShape = { path: 'special-unit', crossSystem: false, receiverIsBranch: false };
const retention: TransferShape = { path: 'retention', crossSystem: false, receiverIsBranch: true };

describe('labels', () => {
  it('name every status and action in Chinese', () => {
    for (const s of TRANSFER_STATUSES) expect(STATUS_LABELS[s]).toMatch(/^[\u4e00-\u9fff]+$/);
    for (const a of TRANSFER_ACTIONS) expect(ACTION_LABELS[a]).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});

describe('timeline', () => {
  it.each([
    ['standard, receiver is a branch', standard, [
      ['提交申请', 'pending-outgoing'], ['转出组织审批', 'pending-incoming'], ['转入组织审批', 'completed'], ['办结', 'completed'],
    ]],
    ['standard, receiver assigns a branch', assigning, [
      ['提交申请', 'pending-outgoing'], ['转出组织审批', 'pending-incoming'], ['转入组织审批', 'pending-assignment'],
      ['分配团支部', 'completed'], ['办结', 'completed'],
    ]],
    ['cross-system', cross, [
      ['提交申请', 'pending-outgoing'], ['转出组织审批', 'completed'], ['移交对方系统接收', 'completed'],
    ]],
    ['special unit', special, [
      ['提交申请', 'pending-outgoing'], ['转出组织审批', 'pending-provincial'], ['省级团委审核', 'completed'],
      ['进入特殊单位专属库', 'completed'],
    ]],
    ['retention', retention, [
      ['提交申请', 'pending-outgoing'], ['院系团委审批', 'completed'], ['保留在校', 'completed'],
    ]],
  ] as const)('%s', (_name, shape, steps) => {
    expect(timeline(shape)).toEqual(steps.map(([label, status]) => ({ label, status })));
  });
});

describe('timelineStates', () => {
  const states = (...args: Parameters<typeof timelineStates>): string[] =>
    timelineStates(...args).map((s) => `${s.label}:${s.state}`);

  it('marks the submission done and the waiting stage current', () => {
    expect(states(assigning, 'pending-outgoing')).toEqual([
      '提交申请:done', '转出组织审批:current', '转入组织审批:todo', '分配团支部:todo', '办结:todo',
    ]);
    expect(states(assigning, 'pending-assignment')).toEqual([
      '提交申请:done', '转出组织审批:done', '转入组织审批:done', '分配团支部:current', '办结:todo',
    ]);
  });

  it('marks everything done once completed', () => {
    expect(states(special, 'completed')).toEqual([
      '提交申请:done', '转出组织审批:done', '省级团委审核:done', '进入特殊单位专属库:done',
    ]);
  });

  it('shows where a rejected transfer stopped, with no current step', () => {
    expect(states(standard, 'rejected', 'pending-incoming')).toEqual([
      '提交申请:done', '转出组织审批:done', '转入组织审批:todo', '办结:todo',
    ]);
    expect(states(standard, 'withdrawn')).toEqual([
      '提交申请:done', '转出组织审批:todo', '转入组织审批:todo', '办结:todo',
    ]);
  });
});
