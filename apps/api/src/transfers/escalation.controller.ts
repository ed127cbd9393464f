import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { EscalateDto, RetainPendingDto } from './escalation.dto';
import { EscalationService } from './escalation.service';
import { Doc } from '../common/doc';

/** A township's refusal, level by level (issue #12): the school's two steps on the rejected transfer. */
@Controller('transfers')
export class EscalationController {
  constructor(private readonly escalation: EscalationService) {}

  /** 向上级团组织反映: to the 区县 committee, then the city. */
  @Doc({ summary: '向上级团组织反映', description: '乡镇（街道）团组织不接收时，学校逐级反映：先区县团委，再市级团委。只有成员所在学校（院系）的管理员可操作。', response: 'TransferView', errors: [404, 409] })
  @Post(':id/escalate')
  @HttpCode(200)
  escalate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: EscalateDto) {
    return this.escalation.escalate(actor, id, dto.comment);
  }

  /** 学校暂时保留: until a day at most 6 months away, listed in the retention ledger. */
  @Doc({ summary: '学校暂时保留组织关系', description: '反映期间学校暂时保留该团员的组织关系，最长 6 个月，记入保留台账。', response: 'TransferView', errors: [404, 409, 422] })
  @Post(':id/retain-pending')
  @HttpCode(200)
  retainPending(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RetainPendingDto) {
    return this.escalation.retainPending(actor, id, dto.until, dto.comment);
  }
}
