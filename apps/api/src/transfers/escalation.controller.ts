import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { EscalateDto, RetainPendingDto } from './escalation.dto';
import { EscalationService } from './escalation.service';

/** A township's refusal, level by level (issue #12): the school's two steps on the rejected transfer. */
@Controller('transfers')
export class EscalationController {
  constructor(private readonly escalation: EscalationService) {}

  /** 向上级团组织反映: to the 区县 committee, then the city. */
  @Post(':id/escalate')
  @HttpCode(200)
  escalate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: EscalateDto) {
    return this.escalation.escalate(actor, id, dto.comment);
  }

  /** 学校暂时保留: until a day at most 6 months away, listed in the retention ledger. */
  @Post(':id/retain-pending')
  @HttpCode(200)
  retainPending(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RetainPendingDto) {
    return this.escalation.retainPending(actor, id, dto.until, dto.comment);
  }
}
