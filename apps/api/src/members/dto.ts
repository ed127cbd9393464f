import { DESTINATION_STATES, DESTINATIONS_PAGE_MAX, ID_MAX, SEARCH_MAX, YEAR_RANGE, type DestinationState, type DestinationsQuery, type MemberQuery, type PhoneBody } from '@xianjie/contract';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsMobile, PagedQuery, QueryInt } from '../common/validation';

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

export class DestinationsQueryDto extends PagedQuery(DESTINATIONS_PAGE_MAX) implements DestinationsQuery {
  /** The graduating cohort; the Beijing calendar year when omitted. */
  @IsOptional()
  @QueryInt(YEAR_RANGE.min, YEAR_RANGE.max, `年份应为 ${YEAR_RANGE.min} 到 ${YEAR_RANGE.max} 之间的整数`)
  year?: number;

  @IsOptional()
  @IsIn(DESTINATION_STATES as readonly string[], { message: 'state 应为 reported（已填报）或 missing（未填报）' })
  state?: DestinationState;
}
