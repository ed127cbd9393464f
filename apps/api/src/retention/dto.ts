import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { YearQueryDto } from '../progress/dto';
import type { RetentionState } from '../transfers/retention-record.entity';

export const LEDGER_STATES: readonly RetentionState[] = ['overdue', 'follow-up', 'active', 'closed'];

export class RetentionLedgerQueryDto extends YearQueryDto {
  /** One state only; without it, every record still open (all but closed). */
  @IsOptional()
  @IsIn(LEDGER_STATES as RetentionState[], { message: '状态应为 overdue、follow-up、active 或 closed' })
  state?: RetentionState;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
