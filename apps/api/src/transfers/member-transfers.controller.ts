import { Controller, Get, Param } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { TransferQueries } from './transfer-queries';

/** A member's transfer history lives with transfers; the members feature stays unaware of them. */
@Controller('members')
export class MemberTransfersController {
  constructor(private readonly queries: TransferQueries) {}

  /** Newest first: who started each transfer, every step, who acted and when. */
  @Get(':id/transfers')
  history(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.queries.history(actor, id);
  }
}
