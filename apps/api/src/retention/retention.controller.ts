import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../auth/actor';
import { RetentionLedgerQueryDto } from './dto';
import { RetentionLedgerService } from './retention-ledger.service';
import { Doc } from '../common/doc';
import { sendPage } from '../common/paging';

@Controller('orgs')
export class RetentionController {
  constructor(private readonly ledger: RetentionLedgerService) {}

  /** The ledger page; `X-Total-Count` carries how many there are beyond `limit`. */
  @Doc({ summary: '保留台账', description: '保留在学校的团员：保留到何时、需办理什么。分页；`X-Total-Count` 为总数。', response: 'RetentionLedgerRow[]', totalCount: true, errors: [404] })
  @Get(':id/retention')
  async list(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: RetentionLedgerQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPage(reply, await this.ledger.list(actor, id, query));
  }
}
