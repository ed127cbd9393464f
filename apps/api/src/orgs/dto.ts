import { ID_MAX, SEARCH_MAX, type OrgQuery } from '@xianjie/contract';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { TARGET_KINDS, type TargetKind } from '@xianjie/rules';

export class OrgQueryDto implements OrgQuery {
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  parentId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX, { message: '搜索词过长' })
  q?: string;

  /** Only orgs that fit this target kind of a resolution (the receiver picker). */
  @IsOptional()
  @IsIn(TARGET_KINDS as readonly string[], { message: '未知的去向类型' })
  fits?: TargetKind;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  province?: string;
}
