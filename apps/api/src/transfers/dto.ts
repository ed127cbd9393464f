import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNotEmptyObject, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength,
  ValidateIf, ValidateNested,
} from 'class-validator';
import {
  BOXES, COMMENT_MAX, INBOX_STATES, EMERGENCY_CONTACT_NAME_MAX, ID_MAX, NAME_MAX, ORG_NAME_MAX, REJECT_REASON_MAX, REMARKS_MAX, RETENTION_CONTACT_MAX,
  RETENTION_MONTHS, RETENTION_WHERE_MAX, UNPLACED_MOVE_MAX, YEAR_RANGE, type ApplicationBodyFields, type ApproveBody, type AssignBody, type Box, type EmergencyContact, type InboxQuery, type InboxState,
  type ModifyTransferBody, type PullInLookupBody, type RejectBody, type RetentionApplication, type StartTransferBody, type UnplacedMoveBody, type WithdrawBody,
} from '@xianjie/contract';
import { DESTINATIONS, TRANSFER_STATUSES, type Answers, type Destination, type TransferStatus } from '@xianjie/rules';
import { IsMobile, PagedQuery, trimString } from '../common/validation';

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

export class EmergencyContactDto implements EmergencyContact {
  @Transform(trimString)
  @IsString({ message: '请填写紧急联系人姓名' })
  @MinLength(1, { message: '请填写紧急联系人姓名' })
  @MaxLength(EMERGENCY_CONTACT_NAME_MAX, { message: '紧急联系人姓名过长' })
  name!: string;

  @IsString({ message: '请填写紧急联系人手机号' })
  @IsMobile('紧急联系人手机号应为 11 位手机号码')
  phone!: string;
}

/** 书面保留申请 (study abroad): where, how long, a contact at home. */
export class RetentionApplicationDto implements RetentionApplication {
  @Transform(trimString)
  @IsString({ message: '请填写去向（国家或地区、学校）' })
  @MinLength(1, { message: '请填写去向（国家或地区、学校）' })
  @MaxLength(RETENTION_WHERE_MAX, { message: `去向不超过 ${RETENTION_WHERE_MAX} 字` })
  where!: string;

  @IsInt({ message: '保留时长应为整月数' })
  @Min(RETENTION_MONTHS.min, { message: `保留时长至少 ${RETENTION_MONTHS.min} 个月` })
  @Max(RETENTION_MONTHS.max, { message: `保留时长不超过 ${RETENTION_MONTHS.max} 个月` })
  months!: number;

  @Transform(trimString)
  @IsString({ message: '请填写国内联系人' })
  @MinLength(1, { message: '请填写国内联系人' })
  @MaxLength(RETENTION_CONTACT_MAX, { message: `国内联系人不超过 ${RETENTION_CONTACT_MAX} 字` })
  domesticContact!: string;
}

/** The application's own fields, the same for a start and a change (修改申请). */
class ApplicationFieldsDto implements ApplicationBodyFields {
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  targetOrgId?: string;

  /** The receiver's full official name, typed (cross-system transfers only). */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(ORG_NAME_MAX, { message: `接收组织名称不超过 ${ORG_NAME_MAX} 字` })
  targetOrgName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(REMARKS_MAX, { message: `备注不超过 ${REMARKS_MAX} 字` })
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

export class StartTransferDto extends ApplicationFieldsDto implements StartTransferBody {
  /** Absent (and no memberIdNumber): the caller's own membership. */
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  memberId?: string;

  /** 转入组织发起: the member named by ID number and name, both of which must match. */
  @ValidateIf((o: StartTransferDto) => o.memberIdNumber !== undefined || o.memberName !== undefined)
  @Transform(trimString)
  @IsString({ message: '请填写团员的身份证号' })
  @Matches(/^[1-9]\d{16}[\dXx]$/, { message: '身份证号应为 18 位' })
  memberIdNumber?: string;

  @ValidateIf((o: StartTransferDto) => o.memberIdNumber !== undefined || o.memberName !== undefined)
  @Transform(trimString)
  @IsString({ message: '请填写团员的姓名' })
  @MinLength(1, { message: '请填写团员的姓名' })
  @MaxLength(NAME_MAX, { message: '姓名过长' })
  memberName?: string;

  @IsDefined({ message: '请先完成问卷' })
  @IsObject({ message: '请先完成问卷' })
  @IsNotEmptyObject({}, { message: '请先完成问卷' })
  @ValidateNested()
  @Type(() => AnswersDto)
  answers!: AnswersDto;
}

/** 核对团员身份 before a pull-in: the same two facts a pull-in names the member by. */
export class PullInLookupDto implements PullInLookupBody {
  @Transform(trimString)
  @IsString({ message: '请填写团员的身份证号' })
  @Matches(/^[1-9]\d{16}[\dXx]$/, { message: '身份证号应为 18 位' })
  memberIdNumber!: string;

  @Transform(trimString)
  @IsString({ message: '请填写团员的姓名' })
  @MinLength(1, { message: '请填写团员的姓名' })
  @MaxLength(NAME_MAX, { message: '姓名过长' })
  memberName!: string;
}

/** 修改申请: what may change before the receiving side acts; absent fields stay as they are. */
export class ModifyTransferDto extends ApplicationFieldsDto implements ModifyTransferBody {
  @IsOptional()
  @IsObject({ message: '请先完成问卷' })
  @IsNotEmptyObject({}, { message: '请先完成问卷' })
  @ValidateNested()
  @Type(() => AnswersDto)
  answers?: AnswersDto;
}

export class ApproveDto implements ApproveBody {
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX, { message: `意见不超过 ${COMMENT_MAX} 字` })
  comment?: string;
}

export class RejectDto implements RejectBody {
  @Transform(trimString)
  @IsString({ message: '请填写驳回原因' })
  @MinLength(1, { message: '请填写驳回原因' })
  @MaxLength(REJECT_REASON_MAX, { message: `驳回原因不超过 ${REJECT_REASON_MAX} 字` })
  reason!: string;
}

export class WithdrawDto implements WithdrawBody {
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX, { message: `说明不超过 ${COMMENT_MAX} 字` })
  comment?: string;
}

export class AssignDto implements AssignBody {
  @IsString({ message: '请选择团支部' })
  @MinLength(1, { message: '请选择团支部' })
  @MaxLength(ID_MAX)
  branchId!: string;
}

export class InboxQueryDto extends PagedQuery(200) implements InboxQuery {
  @IsIn(BOXES as readonly string[], { message: 'box 应为 outgoing、incoming 或 provincial' })
  box!: Box;

  @IsOptional()
  @IsIn(TRANSFER_STATUSES as readonly string[], { message: '未知的业务状态' })
  status?: TransferStatus;

  /**
   * 待处理 (waiting for this box's side) or 已处理 (everything else); with `status`, both must hold.
   * follow-up: the outgoing box's township refusals, the school's work after the township said no.
   */
  @IsOptional()
  @IsIn(INBOX_STATES as readonly string[], { message: 'state 应为 pending、done 或 follow-up' })
  state?: InboxState;
}

/** `POST /orgs/:id/unplaced-move`: the graduates to move and the floating branch to move them to. */
export class UnplacedMoveDto implements UnplacedMoveBody {
  @IsOptional()
  @IsInt({ message: '年份应为整数' })
  @Min(YEAR_RANGE.min, { message: `年份应为 ${YEAR_RANGE.min} 到 ${YEAR_RANGE.max} 之间的整数` })
  @Max(YEAR_RANGE.max, { message: `年份应为 ${YEAR_RANGE.min} 到 ${YEAR_RANGE.max} 之间的整数` })
  year?: number;

  @IsString({ message: '请选择流动团员团支部' })
  @MaxLength(ID_MAX, { message: '流动团员团支部编号过长' })
  branchId!: string;

  @IsArray({ message: 'memberIds 应为团员 ID 列表' })
  @ArrayMinSize(1, { message: '请至少选择 1 名毕业生' })
  @ArrayMaxSize(UNPLACED_MOVE_MAX, { message: `一次最多转入 ${UNPLACED_MOVE_MAX} 名毕业生` })
  @ArrayUnique({ message: '毕业生不能重复' })
  @IsString({ each: true })
  @MaxLength(ID_MAX, { each: true })
  memberIds!: string[];
}
