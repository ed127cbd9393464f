import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { ApproveDto, AssignDto, InboxQueryDto, ModifyTransferDto, PullInLookupDto, RejectDto, StartTransferDto, WithdrawDto } from './dto';
import { PullIn } from './pull-in';
import { PullInBatch } from './pull-in-batch';
import { pullInTemplate } from './pull-in-sheet';
import { pullInNotAllowed } from './transfers.errors';
import { XLSX_TYPE } from '../imports/import-template';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { TransferQueries } from './transfer-queries';
import { TransfersService } from './transfers.service';
import { Doc } from '../common/doc';

/** Contract §2: the transfer routes. Every one is scoped to the caller inside the service. */
@Controller('transfers')
export class TransfersController {
  constructor(
    private readonly transfers: TransfersService,
    private readonly queries: TransferQueries,
    private readonly pullIn: PullIn,
    private readonly batch: PullInBatch,
    private readonly scope: ScopeService,
  ) {}

  /** 提交接转申请: the member, an outgoing admin over them, or a receiving admin of the target. */
  @Doc({ summary: '提交接转申请', description: '团员本人、其转出方管理员（`memberId`），或接收方管理员按身份证号与姓名（发起转入）提交。每名团员同时只能有一件进行中的接转（409）。', response: 'TransferView', errors: [404, 409, 422], example: { answers: { destination: 'employed', employerHasLeagueOrg: false }, targetOrgId: 'guanshan-transition', remarks: '已与街道团工委联系' } })
  @Post()
  @HttpCode(201)
  start(@CurrentActor() actor: Actor, @Body() dto: StartTransferDto) {
    return this.transfers.start(actor, dto);
  }

  /** 发起转入, step one: whom do this ID number and name find (masked), and is a transfer of theirs open? */
  @Doc({ summary: '发起转入：按身份证号和姓名查找团员', description: '接收方管理员发起转入的第一步：两项均须一致，返回脱敏信息及是否已有进行中的接转。按调用者限流。', response: 'PullInCandidate', errors: [404, 429] })
  @Post('pull-in/lookup')
  @HttpCode(200)
  lookup(@CurrentActor() actor: Actor, @Body() dto: PullInLookupDto) {
    return this.pullIn.lookup(actor, dto.memberIdNumber, dto.memberName);
  }

  /** 批量转入: an `.xlsx` of name + ID number + receiving branch, sent as raw bytes; every row answered. */
  @Doc({ summary: '批量转入', description: '接收方上传 .xlsx（姓名、身份证号、接收团支部），逐行发起转入，每行单独成功或不留痕迹；每个文件最多 1000 行，每人每天 3000 行。', response: 'PullInBatchResult', errors: [403, 429] })
  @Post('pull-in/batch')
  @HttpCode(200)
  pullInBatch(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.batch.run(actor, body);
  }

  @Doc({ summary: '下载批量转入模板', description: '.xlsx 批量转入模板。', response: 'xlsx' })
  @Get('pull-in/template')
  @Header('content-type', XLSX_TYPE)
  @Header('content-disposition', `attachment; filename="pull-in-template.xlsx"; filename*=UTF-8''${encodeURIComponent('批量转入模板.xlsx')}`)
  template(@CurrentActor() actor: Actor): Promise<Buffer> {
    if (this.scope.scopes(actor, ADMIN_ROLES).length === 0) throw pullInNotAllowed();
    return pullInTemplate();
  }

  /** The admin inboxes. */
  @Doc({ summary: '接转待办与列表', description: '管理员的转出、转入、省级审核待办（`box`），按状态筛选，分页。', response: 'Inbox' })
  @Get()
  inbox(@CurrentActor() actor: Actor, @Query() query: InboxQueryDto) {
    return this.queries.inbox(actor, query);
  }

  @Doc({ summary: '接转详情', description: '含申请内容、每一步的办理记录和当前可进行的操作。', response: 'TransferView', errors: [404] })
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.queries.get(actor, id);
  }

  /** 修改申请: the member or the starter, before the receiving side has acted. */
  @Doc({ summary: '修改申请', description: '团员本人或发起人在接收方办理前修改申请；未提供的字段保持不变。', response: 'TransferView', errors: [404, 409, 422] })
  @Patch(':id')
  modify(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ModifyTransferDto) {
    return this.transfers.modify(actor, id, dto);
  }

  /** The same, for WeChat's wx.request, which cannot send PATCH. */
  @Doc({ summary: '修改申请（POST 写法）', description: '与 `PATCH /transfers/{id}` 相同，供不能发送 PATCH 的 `wx.request` 使用。', response: 'TransferView', errors: [404, 409, 422] })
  @Post(':id/modify')
  @HttpCode(200)
  modifyByPost(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ModifyTransferDto) {
    return this.transfers.modify(actor, id, dto);
  }

  @Doc({ summary: '审批通过', description: '当前环节的办理方（转出方、省级审核、接收方）通过。', response: 'TransferView', errors: [404, 409] })
  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ApproveDto) {
    return this.transfers.act(actor, id, 'approve', { comment: dto.comment });
  }

  @Doc({ summary: '退回', description: '当前环节的办理方退回，须填写原因。', response: 'TransferView', errors: [404, 409] })
  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RejectDto) {
    return this.transfers.act(actor, id, 'reject', { reason: dto.reason });
  }

  @Doc({ summary: '撤回', description: '发起人在办结前撤回。', response: 'TransferView', errors: [404, 409] })
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: WithdrawDto) {
    return this.transfers.act(actor, id, 'withdraw', { comment: dto.comment });
  }

  /** 分配团支部: the receiving org places the member in one of its branches. */
  @Doc({ summary: '分配团支部', description: '接收组织把团员编入其下属团支部。', response: 'TransferView', errors: [404, 409, 422] })
  @Post(':id/assign')
  @HttpCode(200)
  assign(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AssignDto) {
    return this.transfers.act(actor, id, 'assign', { branchId: dto.branchId });
  }
}
