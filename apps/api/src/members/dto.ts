import { IsOptional, IsString, MaxLength } from 'class-validator';

export class MemberQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(48)
  orgId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '搜索词过长' })
  q?: string;
}
