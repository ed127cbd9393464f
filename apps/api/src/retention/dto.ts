import { ABROAD_REPORT_NOTE, RETENTION_STATES, type AbroadReportBody, type ReportIntervalBody, type RetentionLedgerQuery, type RetentionState } from '@xianjie/contract';
import { ABROAD_REPORT_MONTHS_RANGE } from '@xianjie/rules';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PagedQuery } from '../common/validation';
import { YearQueryDto } from '../progress/dto';

export class RetentionLedgerQueryDto extends PagedQuery(2000, YearQueryDto) implements RetentionLedgerQuery {
  /** One state only; without it, every record still open (all but closed). */
  @IsOptional()
  @IsIn(RETENTION_STATES as RetentionState[], { message: '状态应为 overdue、follow-up、active 或 closed' })
  state?: RetentionState;
}

export class AbroadReportDto implements AbroadReportBody {
  /** Where they are, what they do, how to reach them: in the member's own words. */
  @IsString({ message: '请填写报告内容' })
  @MinLength(ABROAD_REPORT_NOTE.min, { message: `报告内容至少 ${ABROAD_REPORT_NOTE.min} 个字` })
  @MaxLength(ABROAD_REPORT_NOTE.max, { message: `报告内容不超过 ${ABROAD_REPORT_NOTE.max} 字` })
  note!: string;
}

export class ReportIntervalDto implements ReportIntervalBody {
  @IsInt({ message: '间隔应为整月数' })
  @Min(ABROAD_REPORT_MONTHS_RANGE.min, { message: `间隔应在 ${ABROAD_REPORT_MONTHS_RANGE.min} 至 ${ABROAD_REPORT_MONTHS_RANGE.max} 个月之间` })
  @Max(ABROAD_REPORT_MONTHS_RANGE.max, { message: `间隔应在 ${ABROAD_REPORT_MONTHS_RANGE.min} 至 ${ABROAD_REPORT_MONTHS_RANGE.max} 个月之间` })
  months!: number;
}
