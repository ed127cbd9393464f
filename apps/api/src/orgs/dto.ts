import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { TARGET_KINDS } from '@xianjie/rules';

export class OrgQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(48)
  parentId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '搜索词过长' })
  q?: string;

  /** Only orgs that fit this target kind of a resolution (the receiver picker). */
  @IsOptional()
  @IsIn(TARGET_KINDS as readonly string[], { message: '未知的去向类型' })
  fits?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  province?: string;
}
