import { Injectable } from '@nestjs/common';
import type { PullInBatchResult, PullInBatchRow, PullInRowStatus } from '@xianjie/contract';
import { idCheckChar, maskIdNumber, normalizeIdNumber, type Answers } from '@xianjie/rules';
import { In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { LoginThrottle } from '../auth/login-throttle';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { AppError } from '../common/app-error';
import { Clock } from '../common/time';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import type { StartTransferDto } from './dto';
import { readPullInSheet, type PullInRow } from './pull-in-sheet';
import { TransfersService } from './transfers.service';
import { batchNotReadable, pullInNotAllowed, tooManyBatchRows } from './transfers.errors';

/** One file: a school's intake is a few thousand at most, sent in a few files. */
export const BATCH_MAX_ROWS = 1_000;
/**
 * Rows one admin may look up per day by batch. Each row asks "does this name go with this ID
 * number?" just as a lookup does; the budget keeps a batch from becoming a faster way of asking
 * it than typing (the one-by-one lookup allows 30 a minute).
 */
export const BATCH_ROWS_PER_DAY = 3_000;

/** The admitted-school path (升学, new-student org ready): a school's intake, which is what batches are for. */
export const INTAKE_ANSWERS: Answers = { destination: 'further-study', admittedSchoolOrgReady: true };

const MESSAGES: Record<Exclude<PullInRowStatus, 'invalid' | 'not-fitting'>, string> = {
  started: '已发起转入',
  // The same words whichever of the two was wrong: the lookup's 404, row by row.
  'not-found': '姓名与身份证号不匹配，或系统中没有这名团员',
  'in-progress': '这名团员已有业务正在办理',
};

/**
 * 批量转入 (issue #12): every row is its own pull-in — the same start, checks and single
 * transaction as one typed on the phone — so each row either fully starts or leaves nothing,
 * and one row's refusal never undoes another's start. The file as a whole is refused (nothing
 * started) when it cannot be read or would exceed the caller's row budget.
 */
@Injectable()
export class PullInBatch {
  private readonly budget = new LoginThrottle(BATCH_ROWS_PER_DAY, 24 * 3600_000);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly scope: ScopeService,
    private readonly transfers: TransfersService,
  ) {}

  async run(actor: Actor, bytes: unknown): Promise<PullInBatchResult> {
    if (this.scope.scopes(actor, ADMIN_ROLES).length === 0) throw pullInNotAllowed();
    if (!Buffer.isBuffer(bytes)) throw batchNotReadable('请上传 .xlsx 文件（姓名、身份证号、接收团支部三列）');
    const sheet = await readPullInSheet(bytes, BATCH_MAX_ROWS);
    if (!sheet.ok) throw batchNotReadable(sheet.message);
    this.charge(actor, sheet.rows.length);
    const branches = await this.branchesOf(actor, sheet.rows);
    const results: PullInBatchRow[] = [];
    // One after another: rows naming the same member meet the open-transfer index in file order.
    for (const r of sheet.rows) results.push(await this.row(actor, r, branches));
    const counts: PullInBatchResult['counts'] = { started: 0, 'not-found': 0, 'in-progress': 0, 'not-fitting': 0, invalid: 0 };
    for (const r of results) counts[r.status]++;
    return { total: results.length, counts, rows: results };
  }

  /** The whole file counts against the day's budget up front, or nothing is started. */
  private charge(actor: Actor, rows: number): void {
    const wait = this.budget.hitMany(actor.id, rows, this.clock.now().getTime());
    if (wait > 0) throw tooManyBatchRows(wait, BATCH_ROWS_PER_DAY);
  }

  /** The receiving orgs the rows name, by id or exact name, inside the caller's own subtree only. */
  private async branchesOf(actor: Actor, rows: PullInRow[]): Promise<Map<string, Org[]>> {
    const named = [...new Set(rows.map((r) => r.branch).filter(Boolean))];
    const byKey = new Map<string, Org[]>();
    if (named.length === 0) return byKey;
    const orgs = await this.db.manager.find(Org, { where: [{ id: In(named) }, { name: In(named) }] });
    for (const o of orgs) {
      if (!this.scope.covers(actor, o.path, ADMIN_ROLES)) continue;
      for (const key of new Set([o.id, o.name])) if (named.includes(key)) byKey.set(key, [...(byKey.get(key) ?? []), o]);
    }
    return byKey;
  }

  private async row(actor: Actor, r: PullInRow, branches: Map<string, Org[]>): Promise<PullInBatchRow> {
    const idNumber = normalizeIdNumber(r.memberIdNumber);
    const base = { row: r.row, memberName: r.memberName.slice(0, 64), idNumberMasked: maskIdNumber(idNumber) };
    const invalid = (message: string): PullInBatchRow => ({ ...base, status: 'invalid', message });
    if (!r.memberName || r.memberName.length > 64) return invalid('请填写姓名（不超过 64 字）');
    if (!/^[1-9]\d{16}[\dX]$/.test(idNumber) || idCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) {
      return invalid(/^\d+(\.\d+)?(E\+\d+)?$/i.test(r.memberIdNumber) && r.memberIdNumber.length < 18
        ? '身份证号不是 18 位：该单元格可能是数字格式，请把这一列设为文本后重新填写'
        : '身份证号格式或校验位不对');
    }
    const candidates = branches.get(r.branch) ?? [];
    if (!r.branch || candidates.length === 0) return { ...base, status: 'not-fitting', message: '接收团支部不存在或不在您的管理范围内' };
    if (candidates.length > 1) return { ...base, status: 'not-fitting', message: '有多个同名的团组织，请填写团支部编号' };
    const dto: StartTransferDto = { memberIdNumber: idNumber, memberName: r.memberName, answers: INTAKE_ANSWERS, targetOrgId: candidates[0].id };
    try {
      const t = await this.transfers.start(actor, dto, true);
      return { ...base, status: 'started', transferId: t.id, message: MESSAGES.started };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      switch (e.code) {
        case 'MEMBER_NOT_FOUND':
          return { ...base, status: 'not-found', message: MESSAGES['not-found'] };
        case 'TRANSFER_IN_PROGRESS':
          return { ...base, status: 'in-progress', message: MESSAGES['in-progress'] };
        case 'TARGET_NOT_ALLOWED':
        case 'NO_TRANSFER_NEEDED':
        case 'START_NOT_ALLOWED':
        case 'CROSS_SYSTEM_OUTGOING_ONLY':
        // Moved between the row's read and its write (another transfer completed, an import): this row only.
        case 'MEMBER_MOVED':
          return { ...base, status: 'not-fitting', message: e.message };
        default:
          if (e.status === 422) return { ...base, status: 'not-fitting', message: e.message };
          throw e;
      }
    }
  }
}
