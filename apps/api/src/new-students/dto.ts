import { MAX_OFFSET, WAITING_PAGE_MAX, type WaitingQuery } from '@xianjie/contract';
import { IsOptional } from 'class-validator';
import { QueryInt } from '../common/validation';

export class WaitingQueryDto implements WaitingQuery {
  @IsOptional()
  @QueryInt(1, WAITING_PAGE_MAX)
  limit?: number;

  @IsOptional()
  @QueryInt(0, MAX_OFFSET)
  offset?: number;
}
