import {
  ID_MAX, NOT_STARTED_DESTINATIONS, SPECIAL_UNIT_STATES, YEAR_RANGE, type CampaignDatesBody, type NotStartedDestination, type NotStartedQuery,
  type SpecialUnitQuery, type SpecialUnitState, type YearQuery,
} from '@xianjie/contract';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate, PagedQuery, QueryInt } from '../common/validation';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = '日期格式应为 YYYY-MM-DD';

export class YearQueryDto implements YearQuery {
  /** The graduation year; the current campaign when omitted. */
  @IsOptional()
  @QueryInt(YEAR_RANGE.min, YEAR_RANGE.max, `年份应为 ${YEAR_RANGE.min} 到 ${YEAR_RANGE.max} 之间的整数`)
  year?: number;
}

/** A school's own campaign dates; an omitted one keeps its current value (the libs/rules default at first). */
export class CampaignDto implements CampaignDatesBody {
  @IsOptional()
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  @IsCalendarDate()
  startedBy?: string;

  @IsOptional()
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  @IsCalendarDate()
  receivedBy?: string;

  @IsOptional()
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  @IsCalendarDate()
  furtherStudyBy?: string;

  /** 准备工作 (May 15): data entered, every school branch marked, statistics table filed. */
  @IsOptional()
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  preparationBy?: string;

  /** Employed and unplaced graduates (Aug 31). */
  @IsOptional()
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  employedUnplacedBy?: string;

  /** Admitted postgraduates and civil servants (Oct 1). */
  @IsOptional()
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  postgraduateCivilServantBy?: string;
}

export class NotStartedQueryDto extends PagedQuery(2000, YearQueryDto) implements NotStartedQuery {
  /** Only graduates of this branch (or any org under the one in the path). */
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  branchId?: string;

  @IsOptional()
  @IsIn(NOT_STARTED_DESTINATIONS as NotStartedDestination[], { message: '去向筛选只能是 unplaced（已填报未落实）或 unreported（未填报）' })
  destination?: NotStartedDestination;
}

export class SpecialUnitQueryDto extends PagedQuery(2000, YearQueryDto) implements SpecialUnitQuery {
  @IsOptional()
  @IsIn(SPECIAL_UNIT_STATES as SpecialUnitState[], { message: '状态只能是 library（已入库）或 pending（待省级团委审核）' })
  state?: SpecialUnitState;
}
