import type { QuestionId } from './types';

export type RulesErrorCode = 'INCOMPLETE_ANSWERS' | 'CONTRADICTORY_ANSWERS';

/**
 * Thrown by `resolve` when the answers cannot be turned into one resolution.
 * `field` names the answer the graduate should revisit, so a UI can jump back to that question.
 * An answer of the wrong type or outside the options counts as missing (INCOMPLETE_ANSWERS).
 */
export class RulesError extends Error {
  readonly code: RulesErrorCode;
  readonly field: QuestionId;

  constructor(code: RulesErrorCode, field: QuestionId, message: string) {
    super(message);
    this.name = 'RulesError';
    this.code = code;
    this.field = field;
  }
}
