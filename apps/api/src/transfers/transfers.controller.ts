import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { ApproveDto, AssignDto, InboxQueryDto, RejectDto, StartTransferDto, WithdrawDto } from './dto';
import { TransferQueries } from './transfer-queries';
import { TransfersService } from './transfers.service';

/** Contract §2: the transfer routes. Every one is scoped to the caller inside the service. */
@Controller('transfers')
export class TransfersController {
  constructor(
    private readonly transfers: TransfersService,
    private readonly queries: TransferQueries,
  ) {}

  /** 提交接转申请: the member, an outgoing admin over them, or a receiving admin of the target. */
  @Post()
  @HttpCode(201)
  start(@CurrentActor() actor: Actor, @Body() dto: StartTransferDto) {
    return this.transfers.start(actor, dto);
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
