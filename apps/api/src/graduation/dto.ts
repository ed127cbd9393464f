import { ID_MAX, MARK_BRANCHES_MAX, NO_GRADUATION_REASON, type MarkBranchesBody } from '@xianjie/contract';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../common/validation';

export class MarkBranchesDto implements MarkBranchesBody {
  @IsArray({ message: '请选择要标记的团支部' })
  @ArrayMinSize(1, { message: '请至少选择一个团支部' })
  @ArrayMaxSize(MARK_BRANCHES_MAX, { message: `一次最多标记 ${MARK_BRANCHES_MAX} 个团支部` })
  @ArrayUnique({ message: '团支部不能重复' })
  @IsString({ each: true })
  @MaxLength(ID_MAX, { each: true })
  branchIds!: string[];

  /** One date for the whole batch. */
  @IsOptional()
  @IsCalendarDate('毕业时间应为有效的日期（YYYY-MM-DD）')
  graduationDate?: string;

  /** Why these branches have no graduation date (e.g. 教工团支部). */
  @IsOptional()
  @IsString()
  @MinLength(NO_GRADUATION_REASON.min, { message: '请说明无毕业时间的原因' })
  @MaxLength(NO_GRADUATION_REASON.max, { message: `原因不超过 ${NO_GRADUATION_REASON.max} 字` })
  noGraduationReason?: string;
}
