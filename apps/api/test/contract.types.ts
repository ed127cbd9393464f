/**
 * The API against @xianjie/contract, checked by the compiler (`npm run typecheck`), not by jest:
 * every route's answer must be exactly its contract type, and every request DTO must carry exactly
 * the contract's fields. `implements` alone lets a DTO accept a field the contract never names,
 * and an un-annotated service could return a field the phone never hears of; both fail here.
 */
import type {
  ApproveBody, AssignBody, BranchMarkView, CampaignDatesBody, CampaignView, ChangePasswordBody, CreatedReminder, CreateRemindersBody,
  DecisionBody, DestinationReportBody, DestinationReportView, DestinationRow, ForgotPasswordBody, HealthStatus, ImportReport, Inbox,
  InboxQuery, LoginBody, LoginResult, MarkBranchesBody, MarkBranchesResult, Me, MemberCard, MemberQuery, MemberSummary,
  ModifyTransferBody, NotStartedGraduate, NotStartedQuery, OrgQuery, OrgView, PasswordHelp, PhoneBody, ProgressReport, PullInCandidate,
  PullInLookupBody, RecordDeletionBody, RejectBody, ReminderLanding, ReminderListQuery, ReminderTrack, RequestQuery, RequestView,
  RetentionLedgerQuery, RetentionLedgerRow, StartTransferBody, StatisticsQuery, StatisticsTable, TownshipCorrectionBody, TransferView,
  WechatBindBody, WechatBindResult, WithdrawBody, YearQuery,
} from '@xianjie/contract';
import type { AuthController } from '../src/auth/auth.controller';
import type { ChangePasswordDto, ForgotPasswordDto, LoginDto, WechatBindDto } from '../src/auth/dto';
import type { MarkBranchesDto } from '../src/graduation/dto';
import type { GraduationController } from '../src/graduation/graduation.controller';
import type { StatisticsController } from '../src/graduation/statistics.controller';
import type { StatisticsQueryDto } from '../src/graduation/statistics.dto';
import type { HealthController } from '../src/health.controller';
import type { ImportService } from '../src/imports/import.service';
import type { DestinationReportDto } from '../src/members/destination.dto';
import type { DestinationsController } from '../src/members/destinations.controller';
import type { MemberQueryDto, PhoneDto } from '../src/members/dto';
import type { MeController } from '../src/members/me.controller';
import type { MembersController } from '../src/members/members.controller';
import type { OrgQueryDto } from '../src/orgs/dto';
import type { OrgsController } from '../src/orgs/orgs.controller';
import type { CampaignDto, NotStartedQueryDto, YearQueryDto } from '../src/progress/dto';
import type { NotStartedService } from '../src/progress/not-started.service';
import type { ProgressController } from '../src/progress/progress.controller';
import type { CreateRemindersDto, ReminderListQueryDto } from '../src/reminders/dto';
import type { RemindersController } from '../src/reminders/reminders.controller';
import type { DecisionDto, RecordDeletionDto, RequestQueryDto, TownshipCorrectionDto } from '../src/requests/dto';
import type { RequestsController } from '../src/requests/requests.controller';
import type { RetentionLedgerQueryDto } from '../src/retention/dto';
import type { RetentionLedgerService } from '../src/retention/retention-ledger.service';
import type {
  ApproveDto, AssignDto, InboxQueryDto, ModifyTransferDto, PullInLookupDto, RejectDto, StartTransferDto, WithdrawDto,
} from '../src/transfers/dto';
import type { MemberTransfersController } from '../src/transfers/member-transfers.controller';
import type { TransfersController } from '../src/transfers/transfers.controller';

/** True only when A and B are the same type (optional and readonly modifiers included). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
/** A DTO's data fields: what the validation pipe lets through (methods are not part of a body). */
type Fields<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };
type SameFields<Dto, Body> = Same<keyof Fields<Dto>, keyof Body>;

type Check<T extends true> = T;

/** Route answers: each `[controller method's answer, contract type]` must be the same type. */
export type Answers = [
  Check<Same<Answer<AuthController['login']>, LoginResult>>,
  Check<Same<Answer<AuthController['forgotPassword']>, PasswordHelp>>,
  Check<Same<Answer<AuthController['changePassword']>, void>>,
  Check<Same<Answer<AuthController['bindWechat']>, WechatBindResult>>,
  Check<Same<Answer<MeController['me']>, Me>>,
  Check<Same<Answer<MeController['changePhone']>, PhoneBody>>,
  Check<Same<Answer<HealthController['health']>, HealthStatus>>,
  Check<Same<Answer<HealthController['ready']>, HealthStatus>>,
  Check<Same<Answer<OrgsController['list']>, OrgView[]>>,
  Check<Same<Answer<OrgsController['get']>, OrgView>>,
  Check<Same<Answer<MembersController['list']>, MemberSummary[]>>,
  Check<Same<Answer<MembersController['detail']>, MemberCard>>,
  Check<Same<Answer<DestinationsController['mine']>, DestinationReportView | null>>,
  Check<Same<Answer<DestinationsController['save']>, DestinationReportView>>,
  Check<Same<Answer<DestinationsController['forOrg']>, DestinationRow[]>>,
  Check<Same<Answer<TransfersController['start']>, TransferView>>,
  Check<Same<Answer<TransfersController['lookup']>, PullInCandidate>>,
  Check<Same<Answer<TransfersController['inbox']>, Inbox>>,
  Check<Same<Answer<TransfersController['get']>, TransferView>>,
  Check<Same<Answer<TransfersController['modify']>, TransferView>>,
  Check<Same<Answer<TransfersController['modifyByPost']>, TransferView>>,
  Check<Same<Answer<TransfersController['approve']>, TransferView>>,
  Check<Same<Answer<TransfersController['reject']>, TransferView>>,
  Check<Same<Answer<TransfersController['withdraw']>, TransferView>>,
  Check<Same<Answer<TransfersController['assign']>, TransferView>>,
  Check<Same<Answer<MemberTransfersController['history']>, TransferView[]>>,
  Check<Same<Answer<ProgressController['getCampaign']>, CampaignView>>,
  Check<Same<Answer<ProgressController['putCampaign']>, CampaignView>>,
  Check<Same<Answer<ProgressController['getProgress']>, ProgressReport>>,
  // Paged lists: the controller answers the rows and puts the total in X-Total-Count.
  Check<Same<Answer<ProgressController['getNotStarted']>, NotStartedGraduate[]>>,
  Check<Same<Answer<NotStartedService['list']>['rows'], NotStartedGraduate[]>>,
  Check<Same<Answer<RetentionLedgerService['list']>['rows'], RetentionLedgerRow[]>>,
  Check<Same<Answer<StatisticsController['table']>, StatisticsTable | Buffer>>,
  Check<Same<Answer<StatisticsController['file']>, StatisticsTable>>,
  Check<Same<Answer<GraduationController['list']>, BranchMarkView[]>>,
  Check<Same<Answer<GraduationController['mark']>, MarkBranchesResult>>,
  Check<Same<Answer<RemindersController['create']>, CreatedReminder[]>>,
  Check<Same<Answer<RemindersController['list']>, ReminderTrack[]>>,
  Check<Same<Answer<RemindersController['open']>, ReminderLanding>>,
  Check<Same<Answer<RequestsController['township']>, RequestView>>,
  Check<Same<Answer<RequestsController['deletion']>, RequestView>>,
  Check<Same<Answer<RequestsController['inbox']>, RequestView[]>>,
  Check<Same<Answer<RequestsController['approve']>, RequestView>>,
  Check<Same<Answer<RequestsController['reject']>, RequestView>>,
  // POST /admin/import answers either form of the file with the same report.
  Check<Same<Answer<ImportService['run']>, ImportReport>>,
  Check<Same<Answer<ImportService['runWorkbook']>, ImportReport>>,
];

/** Request bodies and queries: each DTO accepts exactly the contract's fields. */
export type Requests = [
  Check<SameFields<LoginDto, LoginBody>>,
  Check<SameFields<ChangePasswordDto, ChangePasswordBody>>,
  Check<SameFields<ForgotPasswordDto, ForgotPasswordBody>>,
  Check<SameFields<WechatBindDto, WechatBindBody>>,
  Check<SameFields<PhoneDto, PhoneBody>>,
  Check<SameFields<OrgQueryDto, OrgQuery>>,
  Check<SameFields<MemberQueryDto, MemberQuery>>,
  Check<SameFields<DestinationReportDto, DestinationReportBody>>,
  Check<SameFields<StartTransferDto, StartTransferBody>>,
  Check<SameFields<ModifyTransferDto, ModifyTransferBody>>,
  Check<SameFields<PullInLookupDto, PullInLookupBody>>,
  Check<SameFields<ApproveDto, ApproveBody>>,
  Check<SameFields<RejectDto, RejectBody>>,
  Check<SameFields<WithdrawDto, WithdrawBody>>,
  Check<SameFields<AssignDto, AssignBody>>,
  Check<SameFields<InboxQueryDto, InboxQuery>>,
  Check<SameFields<YearQueryDto, YearQuery>>,
  Check<SameFields<CampaignDto, CampaignDatesBody>>,
  Check<SameFields<NotStartedQueryDto, NotStartedQuery>>,
  Check<SameFields<RetentionLedgerQueryDto, RetentionLedgerQuery>>,
  Check<SameFields<StatisticsQueryDto, StatisticsQuery>>,
  Check<SameFields<MarkBranchesDto, MarkBranchesBody>>,
  Check<SameFields<CreateRemindersDto, CreateRemindersBody>>,
  Check<SameFields<ReminderListQueryDto, ReminderListQuery>>,
  Check<SameFields<TownshipCorrectionDto, TownshipCorrectionBody>>,
  Check<SameFields<RecordDeletionDto, RecordDeletionBody>>,
  Check<SameFields<DecisionDto, DecisionBody>>,
  Check<SameFields<RequestQueryDto, RequestQuery>>,
];
