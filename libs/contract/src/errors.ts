import type { Outcome } from '@xianjie/rules';

/** Every failure, whatever the route: `{ code, message }` (contract §2), plus details where named. */

/** One refused field of a 400 VALIDATION_FAILED, e.g. `{ field: 'emergencyContact.phone', message }`. */
export interface FieldError {
  field: string;
  message: string;
}

/** One bad row of an import file (422 IMPORT_INVALID). */
export interface ImportProblem {
  /** e.g. "members[12]" */
  row: string;
  field: string;
  message: string;
  /** For a person: "members[12]「phone」", or from a workbook "members 表第 12 行「手机号」". */
  where?: string;
}

export interface ErrorBody {
  /** UPPER_SNAKE, e.g. `TRANSFER_IN_PROGRESS`. */
  code: string;
  /** Chinese, for a person. */
  message: string;
  /** 400 VALIDATION_FAILED: every refused field. */
  errors?: FieldError[];
  /** 422 IMPORT_INVALID: every bad row of an import file. */
  problems?: ImportProblem[];
  /** 429: when to try again. */
  retryAfterSeconds?: number;
  /** 422 on answers (a RulesError): the answer at fault. */
  field?: string;
  /** 422 TARGET_NOT_ALLOWED: why the org does not fit. */
  reason?: string;
  /** 422 NO_TRANSFER_NEEDED: what the resolution says instead. */
  outcome?: Outcome;
  explanation?: string[];
  /** 404 MEMBER_NOT_FOUND on reminders: the ids not found in the caller's scope. */
  memberIds?: string[];
  /** 409 TRANSFER_IN_PROGRESS, to a party to the open transfer only: which one, so a screen can open it. */
  openTransfer?: OpenTransferRef;
}

/** The open transfer a 409 TRANSFER_IN_PROGRESS names (apps/api transfers.errors.ts `transferInProgress`). */
export interface OpenTransferRef {
  id: string;
  startedBy: { id: string; name: string; party: string };
  /** ISO 8601. */
  createdAt: string;
}
