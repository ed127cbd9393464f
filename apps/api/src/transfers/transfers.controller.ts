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
  @Post()
  @HttpCode(201)
  start(@CurrentActor() actor: Actor, @Body() dto: StartTransferDto) {
    return this.transfers.start(actor, dto);
  }

  /** 发起转入, step one: whom do this ID number and name find (masked), and is a transfer of theirs open? */
  @Post('pull-in/lookup')
  @HttpCode(200)
  lookup(@CurrentActor() actor: Actor, @Body() dto: PullInLookupDto) {
    return this.pullIn.lookup(actor, dto.memberIdNumber, dto.memberName);
  }

  /** 批量转入: an `.xlsx` of name + ID number + receiving branch, sent as raw bytes; every row answered. */
  @Post('pull-in/batch')
  @HttpCode(200)
  pullInBatch(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.batch.run(actor, body);
  }

  @Get('pull-in/template')
  @Header('content-type', XLSX_TYPE)
  @Header('content-disposition', `attachment; filename="pull-in-template.xlsx"; filename*=UTF-8''${encodeURIComponent('批量转入模板.xlsx')}`)
  template(@CurrentActor() actor: Actor): Promise<Buffer> {
    if (this.scope.scopes(actor, ADMIN_ROLES).length === 0) throw pullInNotAllowed();
    return pullInTemplate();
  }

  /** The admin inboxes. */
  @Get()
  inbox(@CurrentActor() actor: Actor, @Query() query: InboxQueryDto) {
    return this.queries.inbox(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.queries.get(actor, id);
  }

  /** 修改申请: the member or the starter, before the receiving side has acted. */
  @Patch(':id')
  modify(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ModifyTransferDto) {
    return this.transfers.modify(actor, id, dto);
  }

  /** The same, for WeChat's wx.request, which cannot send PATCH. */
  @Post(':id/modify')
  @HttpCode(200)
  modifyByPost(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ModifyTransferDto) {
    return this.transfers.modify(actor, id, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ApproveDto) {
    return this.transfers.act(actor, id, 'approve', { comment: dto.comment });
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RejectDto) {
    return this.transfers.act(actor, id, 'reject', { reason: dto.reason });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: WithdrawDto) {
    return this.transfers.act(actor, id, 'withdraw', { comment: dto.comment });
  }

  /** 分配团支部: the receiving org places the member in one of its branches. */
  @Post(':id/assign')
  @HttpCode(200)
  assign(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AssignDto) {
    return this.transfers.act(actor, id, 'assign', { branchId: dto.branchId });
  }
}
