import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = '日期格式应为 YYYY-MM-DD';

export class YearQueryDto {
  /** The graduation year; the current campaign when omitted. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '年份应为整数' })
  @Min(2000, { message: '年份超出范围' })
  @Max(2100, { message: '年份超出范围' })
  year?: number;
}

/** A school's own campaign dates; an omitted one keeps its current value (the libs/rules default at first). */
export class CampaignDto {
  @IsOptional()
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  startedBy?: string;

  @IsOptional()
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
  receivedBy?: string;

  @IsOptional()
  @IsString()
  @Matches(DAY, { message: DAY_MESSAGE })
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

export class NotStartedQueryDto extends YearQueryDto {
  /** Only graduates of this branch (or any org under the one in the path). */
  @IsOptional()
  @IsString()
  @MaxLength(48)
  branchId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
