import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../common/validation';

export class MarkBranchesDto {
  @IsArray({ message: '请选择要标记的团支部' })
  @ArrayMinSize(1, { message: '请至少选择一个团支部' })
  @ArrayMaxSize(500, { message: '一次最多标记 500 个团支部' })
  @ArrayUnique({ message: '团支部不能重复' })
  @IsString({ each: true })
  @MaxLength(48, { each: true })
  branchIds!: string[];

  /** One date for the whole batch. */
  @IsOptional()
  @IsCalendarDate('毕业时间应为有效的日期（YYYY-MM-DD）')
  graduationDate?: string;

  /** Why these branches have no graduation date (e.g. 教工团支部). */
  @IsOptional()
  @IsString()
  @MinLength(2, { message: '请说明无毕业时间的原因' })
  @MaxLength(100, { message: '原因不超过 100 字' })
  noGraduationReason?: string;
}

export class YearQueryDto {
  @IsOptional()
  @Matches(/^(19|20|21)\d{2}$/, { message: '年份格式应为 YYYY' })
  year?: string;
}
