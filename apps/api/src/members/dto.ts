import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

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

export class PhoneDto {
  @IsString({ message: '请输入手机号' })
  @Matches(/^1[3-9]\d{9}$/, { message: '手机号应为 11 位大陆手机号' })
  phone!: string;
}
