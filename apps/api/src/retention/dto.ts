import { RETENTION_STATES, type RetentionLedgerQuery, type RetentionState } from '@xianjie/contract';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { YearQueryDto } from '../progress/dto';

export class RetentionLedgerQueryDto extends YearQueryDto implements RetentionLedgerQuery {
  /** One state only; without it, every record still open (all but closed). */
  @IsOptional()
  @IsIn(RETENTION_STATES as RetentionState[], { message: '状态应为 overdue、follow-up、active 或 closed' })
  state?: RetentionState;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数应为整数' })
  @Min(1, { message: '每页条数应在 1 至 2000 之间' })
  @Max(2000, { message: '每页条数应在 1 至 2000 之间' })
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '起始位置应为整数' })
  @Min(0, { message: '起始位置不能小于 0' })
  offset?: number;
}
