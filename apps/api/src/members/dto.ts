import { DESTINATIONS_PAGE_MAX, ID_MAX, MAX_OFFSET, SEARCH_MAX, type DestinationsQuery, type MemberQuery, type PhoneBody } from '@xianjie/contract';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsMobile, QueryInt } from '../common/validation';

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

export class DestinationsQueryDto implements DestinationsQuery {
  @IsOptional()
  @QueryInt(1, DESTINATIONS_PAGE_MAX)
  limit?: number;

  @IsOptional()
  @QueryInt(0, MAX_OFFSET)
  offset?: number;
}
