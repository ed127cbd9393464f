import { Controller, Get, Param } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { TransferQueries } from './transfer-queries';
import { Doc } from '../common/doc';

/** A member's transfer history lives with transfers; the members feature stays unaware of them. */
@Controller('members')
export class MemberTransfersController {
  constructor(private readonly queries: TransferQueries) {}

  /** Newest first: who started each transfer, every step, who acted and when. */
  @Doc({ summary: '团员的接转记录', description: '由新到旧：谁发起、每一步谁办理、何时办理。', response: 'TransferView[]', errors: [404] })
  @Get(':id/transfers')
  history(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.queries.history(actor, id);
  }
}
