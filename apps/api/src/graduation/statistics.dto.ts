import { IsIn, IsOptional } from 'class-validator';
import { YearQueryDto } from './dto';

export class StatisticsQueryDto extends YearQueryDto {
  /** `xlsx`: the table as a workbook, laid out as schools file it upward. */
  @IsOptional()
  @IsIn(['json', 'xlsx'], { message: '格式应为 json 或 xlsx' })
  format?: 'json' | 'xlsx';
}
