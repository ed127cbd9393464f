import { ID_MAX, SEARCH_MAX, type MemberQuery, type PhoneBody } from '@xianjie/contract';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsMobile } from '../common/validation';

export class MemberQueryDto implements MemberQuery {
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  orgId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX, { message: '搜索词过长' })
  q?: string;
}

export class PhoneDto implements PhoneBody {
  @IsString({ message: '请输入手机号' })
  @IsMobile()
  phone!: string;
}
