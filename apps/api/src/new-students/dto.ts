import { WAITING_PAGE_MAX, type WaitingQuery } from '@xianjie/contract';
import { IsOptional } from 'class-validator';
import { PagedQuery } from '../common/validation';

export class WaitingQueryDto extends PagedQuery(WAITING_PAGE_MAX) implements WaitingQuery {}
