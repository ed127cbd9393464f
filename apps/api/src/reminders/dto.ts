import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { QueryInt } from '../common/validation';

export const MAX_REMINDERS_PER_REQUEST = 200;
export const DEFAULT_EXPIRES_IN_DAYS = 14;

export class CreateRemindersDto {
  @IsArray({ message: 'memberIds 应为团员 ID 列表' })
  @ArrayMinSize(1, { message: '请至少选择 1 名团员' })
  @ArrayMaxSize(MAX_REMINDERS_PER_REQUEST, { message: `一次最多提醒 ${MAX_REMINDERS_PER_REQUEST} 名团员` })
  @ArrayUnique({ message: '团员不能重复' })
  @IsString({ each: true })
  @MaxLength(48, { each: true })
  memberIds!: string[];

  /** How long the links stay valid: 1–30 days, 14 when omitted. */
  @IsOptional()
  @IsInt({ message: '有效天数应为整数' })
  @Min(1, { message: '有效期至少 1 天' })
  @Max(30, { message: '有效期最多 30 天' })
  expiresInDays?: number;
}

export class ReminderListQueryDto {
  /** Reminders for graduates under this org (in the caller's scope); the whole scope when omitted. */
  @IsOptional()
  @IsString()
  @MaxLength(48)
  orgId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(48)
  memberId?: string;

  @IsOptional()
  @QueryInt(1, 1000)
  limit?: number;
}

export class WxaCodeDto {
  @IsString({ message: 'code 应为提醒短码' })
  @MaxLength(32)
  code!: string;
}
