import { beijingDateString, FLOATING_RETENTION_MONTHS, type TargetKind, type TransferPath, type TransferStatus } from '@xianjie/rules';

/**
 * What the people on this transfer should do next, in plain Chinese: never a dead end.
 * Pure; the service gathers the names.
 */
export interface NextStepFacts {
  status: TransferStatus;
  path: TransferPath;
  target: TargetKind;
  crossSystem: boolean;
  receiverName: string | null;
  stageDeadline: string | null;
  rejectionReason: string | null;
  /** The status the transfer was in when it was rejected (whose refusal it was). */
  rejectedAt: TransferStatus | null;
  /** Township refusals: the township's superior org, and a county floating branch that takes graduates. */
  township?: {
    superiorName: string | null;
    countyFloatingBranchName: string | null;
    /** Escalated: the org asked now (区县 or city committee), and the one after it. */
    levelName?: string | null;
    nextName?: string | null;
    /** The school keeps the member meanwhile, until this moment. */
    retainedUntil?: string | null;
  };
  retention?: { followUpAt: string | null; expiresAt: string | null } | null;
}

/** The columns of a transfer row that next steps are told from. */
export interface NextStepRow {
  status: TransferStatus;
  path: TransferPath;
  target: TargetKind;
  crossSystem: boolean;
  targetOrgName: string | null;
  stageDeadline: string | null;
  rejectionReason: string | null;
  retentionFollowUpAt: string | null;
  retentionExpiresAt: string | null;
}

export function factsOf(t: NextStepRow, rejectedAt: TransferStatus | null = null): NextStepFacts {
  return {
    status: t.status,
    path: t.path,
    target: t.target,
    crossSystem: !!t.crossSystem,
    receiverName: t.targetOrgName,
    stageDeadline: t.stageDeadline,
    rejectionReason: t.rejectionReason,
    rejectedAt,
    retention: { followUpAt: t.retentionFollowUpAt, expiresAt: t.retentionExpiresAt },
  };
}

const day = (at: string | null) => (at ? beijingDateString(new Date(at)) : null);

function autoLine(deadline: string | null): string[] {
  const d = day(deadline);
  return d ? [`${d}前仍未处理的，系统将自动通过这一环节。`] : [];
}

export function nextSteps(f: NextStepFacts): string[] {
  const receiver = f.receiverName ?? '接收组织';
  switch (f.status) {
    case 'pending-outgoing':
      return [
        f.path === 'retention' ? '等待院系团委审批保留申请。' : '等待转出组织（学校团组织）审批。',
        ...autoLine(f.stageDeadline),
      ];
    case 'pending-provincial':
      return ['等待省级团委审核。', ...autoLine(f.stageDeadline), '请同时按规定办理线下手续，准备好纸质材料。'];
    case 'pending-incoming':
      return [`等待${receiver}审批接收。`, ...autoLine(f.stageDeadline)];
    case 'pending-assignment':
      return [`${receiver}已同意接收，等待它分配到具体的团支部。`];
    case 'completed':
      return completed(f, receiver);
    case 'withdrawn':
      return ['申请已撤回。需要时可以重新填写问卷并提交。'];
    case 'rejected':
      return rejected(f, receiver);
  }
}

function completed(f: NextStepFacts, receiver: string): string[] {
  if (f.path === 'special-unit') return ['省级团委审核通过，团员信息已进入特殊单位专属库。', '请按规定办理线下手续。'];
  if (f.path === 'retention') {
    const lines = [`团组织关系已保留在${receiver}。`];
    if (f.target === 'school-floating-branch') {
      const follow = day(f.retention?.followUpAt ?? null);
      const expires = day(f.retention?.expiresAt ?? null);
      lines.push(
        `落实去向后请尽快办理转出；保留一般不超过${FLOATING_RETENTION_MONTHS.usual}个月，最长不超过${FLOATING_RETENTION_MONTHS.max}个月` +
          (follow && expires ? `（${follow}学校将跟进，${expires}前必须转出）。` : '。'),
      );
    } else if (f.target === 'school-abroad-branch') {
      lines.push('回国后，请按新的去向办理转接。');
    } else {
      lines.push('毕业时请按新的去向办理转接。');
    }
    return lines;
  }
  if (f.crossSystem) return [`转出组织已办结，由${receiver}在当地系统中办理接收；如有问题请直接与对方联系。`];
  return [`团组织关系已转入${receiver}。`];
}

function rejected(f: NextStepFacts, receiver: string): string[] {
  const why = f.rejectionReason ? `驳回原因：${f.rejectionReason}` : '申请被驳回。';
  if (f.target === 'township-org' && f.rejectedAt === 'pending-incoming') {
    // A township's refusal is the start of a known path, not the end of the road (domain §4).
    const tw = f.township;
    const lines = [`${receiver}没有接收。${why}`];
    if (tw?.levelName) {
      lines.push(`学校团组织已向${tw.levelName}反映，请等待协调结果。`);
      if (tw.nextName) lines.push(`仍未解决的，学校可以继续向${tw.nextName}反映。`);
    } else {
      lines.push(`请你和学校团组织一起与${receiver}沟通，说明情况，再重新提交。`);
      lines.push(`仍不接收的，由学校团组织向它的上级团组织${tw?.superiorName ? `（${tw.superiorName}）` : ''}反映，必要时再向市级团委反映。`);
    }
    const until = day(tw?.retainedUntil ?? null);
    lines.push(
      until
        ? `其间学校暂时保留你的团组织关系，至${until}。`
        : `其间学校可以把你暂时保留在学校的流动团员团支部（一般不超过${FLOATING_RETENTION_MONTHS.usual}个月）：在问卷中选择“暂未落实去向”“暂时保留在学校”后提交。`,
    );
    if (tw?.countyFloatingBranchName) {
      lines.push(`也可以转到${tw.countyFloatingBranchName}，它接收乡镇（街道）暂时无法接收的毕业生。`);
    }
    return lines;
  }
  return [why, '请按驳回原因修改后重新提交；有疑问请联系驳回的团组织。'];
}
