import { Transform, Type } from 'class-transformer';
import {
  IsBoolean, IsDefined, IsIn, IsInt, IsNotEmptyObject, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength,
  ValidateIf, ValidateNested,
} from 'class-validator';
import { DESTINATIONS, TRANSFER_STATUSES, type Answers, type Destination, type TransferStatus } from '@xianjie/rules';
import { MAX_OFFSET, QueryInt } from '../common/validation';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Exactly the contract's Answers fields with their enums; anything else is refused (400). */
export class AnswersDto implements Answers {
  @IsIn(DESTINATIONS as readonly string[], { message: '请选择毕业去向' })
  destination!: Destination;

  @IsOptional()
  @IsBoolean({ message: 'isLeagueMember 应为 true 或 false' })
  isLeagueMember?: boolean;

  @IsOptional()
  @IsBoolean({ message: 'inSystem 应为 true 或 false' })
  inSystem?: boolean;

  @IsOptional()
  @IsBoolean({ message: 'employerHasLeagueOrg 应为 true 或 false' })
  employerHasLeagueOrg?: boolean;

  @IsOptional()
  @IsBoolean({ message: 'admittedSchoolOrgReady 应为 true 或 false' })
  admittedSchoolOrgReady?: boolean;

  @IsOptional()
  @IsIn(['retain-at-school', 'transfer-home'], { message: '请选择保留在学校还是转回家乡' })
  unplacedPlan?: 'retain-at-school' | 'transfer-home';

  @IsOptional()
  @IsInt({ message: '毕业月数应为整数' })
  @Min(0, { message: '毕业月数不能为负数' })
  @Max(120, { message: '毕业月数过大' })
  monthsSinceGraduation?: number;

  @IsOptional()
  @IsIn(['beijing', 'guangdong', 'fujian', 'other'], { message: '请选择接收组织所在地' })
  receiverRegion?: 'beijing' | 'guangdong' | 'fujian' | 'other';
}

export class EmergencyContactDto {
  @Transform(trim)
  @IsString({ message: '请填写紧急联系人姓名' })
  @MinLength(1, { message: '请填写紧急联系人姓名' })
  @MaxLength(64, { message: '紧急联系人姓名过长' })
  name!: string;

  @IsString({ message: '请填写紧急联系人手机号' })
  @Matches(/^1[3-9]\d{9}$/, { message: '紧急联系人手机号应为 11 位手机号码' })
  phone!: string;
}

/** 书面保留申请 (study abroad): where, how long, a contact at home. */
export class RetentionApplicationDto {
  @Transform(trim)
  @IsString({ message: '请填写去向（国家或地区、学校）' })
  @MinLength(1, { message: '请填写去向（国家或地区、学校）' })
  @MaxLength(200, { message: '去向不超过 200 字' })
  where!: string;

  @IsInt({ message: '保留时长应为整月数' })
  @Min(1, { message: '保留时长至少 1 个月' })
  @Max(120, { message: '保留时长不超过 120 个月' })
  months!: number;

  @Transform(trim)
  @IsString({ message: '请填写国内联系人' })
  @MinLength(1, { message: '请填写国内联系人' })
  @MaxLength(200, { message: '国内联系人不超过 200 字' })
  domesticContact!: string;
}

/** The application's own fields, the same for a start and a change (修改申请). */
class ApplicationFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(48)
  targetOrgId?: string;

  /** The receiver's full official name, typed (cross-system transfers only). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200, { message: '接收组织名称不超过 200 字' })
  targetOrgName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '备注不超过 100 字' })
  remarks?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyContactDto)
  emergencyContact?: EmergencyContactDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => RetentionApplicationDto)
  retention?: RetentionApplicationDto;
}

export class StartTransferDto extends ApplicationFieldsDto {
  /** Absent (and no memberIdNumber): the caller's own membership. */
  @IsOptional()
  @IsString()
  @MaxLength(48)
  memberId?: string;

  /** 转入组织发起: the member named by ID number and name, both of which must match. */
  @ValidateIf((o: StartTransferDto) => o.memberIdNumber !== undefined || o.memberName !== undefined)
  @Transform(trim)
  @IsString({ message: '请填写团员的身份证号' })
  @Matches(/^[1-9]\d{16}[\dXx]$/, { message: '身份证号应为 18 位' })
  memberIdNumber?: string;

  @ValidateIf((o: StartTransferDto) => o.memberIdNumber !== undefined || o.memberName !== undefined)
  @Transform(trim)
  @IsString({ message: '请填写团员的姓名' })
  @MinLength(1, { message: '请填写团员的姓名' })
  @MaxLength(64, { message: '姓名过长' })
  memberName?: string;

  @IsDefined({ message: '请先完成问卷' })
  @IsObject({ message: '请先完成问卷' })
  @IsNotEmptyObject({}, { message: '请先完成问卷' })
  @ValidateNested()
  @Type(() => AnswersDto)
  answers!: AnswersDto;
}

/** 核对团员身份 before a pull-in: the same two facts a pull-in names the member by. */
export class PullInLookupDto {
  @Transform(trim)
  @IsString({ message: '请填写团员的身份证号' })
  @Matches(/^[1-9]\d{16}[\dXx]$/, { message: '身份证号应为 18 位' })
  memberIdNumber!: string;

  @Transform(trim)
  @IsString({ message: '请填写团员的姓名' })
  @MinLength(1, { message: '请填写团员的姓名' })
  @MaxLength(64, { message: '姓名过长' })
  memberName!: string;
}

/** 修改申请: what may change before the receiving side acts; absent fields stay as they are. */
export class ModifyTransferDto extends ApplicationFieldsDto {
  @IsOptional()
  @IsObject({ message: '请先完成问卷' })
  @IsNotEmptyObject({}, { message: '请先完成问卷' })
  @ValidateNested()
  @Type(() => AnswersDto)
  answers?: AnswersDto;
}

export class ApproveDto {
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '意见不超过 500 字' })
  comment?: string;
}

export class RejectDto {
  @Transform(trim)
  @IsString({ message: '请填写驳回原因' })
  @MinLength(1, { message: '请填写驳回原因' })
  @MaxLength(500, { message: '驳回原因不超过 500 字' })
  reason!: string;
}

export class WithdrawDto {
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '说明不超过 500 字' })
  comment?: string;
}

export class AssignDto {
  @IsString({ message: '请选择团支部' })
  @MinLength(1, { message: '请选择团支部' })
  @MaxLength(48)
  branchId!: string;
}

export type Box = 'outgoing' | 'incoming' | 'provincial';

export class InboxQueryDto {
  @IsIn(['outgoing', 'incoming', 'provincial'], { message: 'box 应为 outgoing、incoming 或 provincial' })
  box!: Box;

  @IsOptional()
  @IsIn(TRANSFER_STATUSES as readonly string[], { message: '未知的业务状态' })
  status?: TransferStatus;

  /** 待处理 (waiting for this box's side) or 已处理 (everything else); with `status`, both must hold. */
  @IsOptional()
  @IsIn(['pending', 'done'], { message: 'state 应为 pending 或 done' })
  state?: 'pending' | 'done';

  @IsOptional()
  @QueryInt(1, 200)
  limit?: number;

  @IsOptional()
  @QueryInt(0, MAX_OFFSET)
  offset?: number;
}
