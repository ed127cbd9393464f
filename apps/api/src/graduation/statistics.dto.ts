import type { StatisticsQuery } from '@xianjie/contract';
import { IsIn, IsOptional } from 'class-validator';
import { YearQueryDto } from '../progress/dto';

export class StatisticsQueryDto extends YearQueryDto implements StatisticsQuery {
  /** `xlsx`: the table as a workbook, laid out as schools file it upward. */
  @IsOptional()
  @IsIn(['json', 'xlsx'], { message: '格式应为 json 或 xlsx' })
  format?: 'json' | 'xlsx';
}
