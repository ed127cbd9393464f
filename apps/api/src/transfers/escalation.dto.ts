import { DECISION_COMMENT_MAX, type EscalateBody, type RetainPendingBody } from '@xianjie/contract';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../common/validation';

export class EscalateDto implements EscalateBody {
  /** What the school told the next level, for the history. */
  @IsOptional()
  @IsString()
  @MaxLength(DECISION_COMMENT_MAX, { message: `说明不超过 ${DECISION_COMMENT_MAX} 字` })
  comment?: string;
}

export class RetainPendingDto implements RetainPendingBody {
  /** The last day (Beijing) the school keeps the member while the township question is open. */
  @IsCalendarDate('请选择保留到哪一天（YYYY-MM-DD）')
  until!: string;

  @IsOptional()
  @IsString()
  @MaxLength(DECISION_COMMENT_MAX, { message: `说明不超过 ${DECISION_COMMENT_MAX} 字` })
  comment?: string;
}
