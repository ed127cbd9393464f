import { DECISION_COMMENT_MAX, REQUEST_REASON, REQUESTS_PAGE_MAX, type DecisionBody, type RecordDeletionBody, type RequestQuery, type RequestStatus, type TownshipCorrectionBody } from '@xianjie/contract';
import { TOWNSHIP_CORRECTION_CASES, type TownshipCorrectionCase } from '@xianjie/rules';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PagedQuery } from '../common/validation';

export class TownshipCorrectionDto implements TownshipCorrectionBody {
  /** What the flag should be. */
  @IsBoolean({ message: '请选择该组织是否为乡镇街道团委' })
  isTownship!: boolean;

  @IsString()
  @MinLength(REQUEST_REASON.min, { message: `请说明更正理由（至少 ${REQUEST_REASON.min} 个字）` })
  @MaxLength(REQUEST_REASON.max, { message: `理由不超过 ${REQUEST_REASON.max} 字` })
  reason!: string;

  /** Which of the three cases (误标 / 应标未标 / 未识别); without it, told from the stored flag. */
  @IsOptional()
  @IsIn(TOWNSHIP_CORRECTION_CASES as TownshipCorrectionCase[], { message: '情形应为 wrongly-flagged、wrongly-not-flagged 或 flag-empty' })
  case?: TownshipCorrectionCase;
}

export class RecordDeletionDto implements RecordDeletionBody {
  /** A party member (党员) under 28 keeps league membership: the requester must say. */
  @IsBoolean({ message: '请说明本人是否为中共党员（含预备党员）' })
  isPartyMember!: boolean;

  @IsString()
  @MinLength(REQUEST_REASON.min, { message: `请说明理由（至少 ${REQUEST_REASON.min} 个字）` })
  @MaxLength(REQUEST_REASON.max, { message: `理由不超过 ${REQUEST_REASON.max} 字` })
  reason!: string;
}

export class DecisionDto implements DecisionBody {
  @IsOptional()
  @IsString()
  @MaxLength(DECISION_COMMENT_MAX, { message: `意见不超过 ${DECISION_COMMENT_MAX} 字` })
  comment?: string;
}

export class RequestQueryDto extends PagedQuery(REQUESTS_PAGE_MAX) implements RequestQuery {
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'], { message: '状态应为 pending / approved / rejected' })
  status?: RequestStatus;

  /**
   * waiting: what waits for the caller's own orgs (each level sees its own); sent: what the caller
   * reported; without it, every request decided anywhere in the caller's subtree.
   */
  @IsOptional()
  @IsIn(['waiting', 'sent'], { message: 'box 应为 waiting 或 sent' })
  box?: 'waiting' | 'sent';
}
