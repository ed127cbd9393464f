import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { DecisionDto, RecordDeletionDto, RequestQueryDto, TownshipCorrectionDto } from './dto';
import { RequestsService } from './requests.service';

@Controller()
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  /** Report that an org's 乡镇街道团委 flag is wrong, to its superior. */
  @Post('orgs/:id/township-correction')
  @HttpCode(201)
  township(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: TownshipCorrectionDto) {
    return this.requests.reportTownshipFlag(actor, id, dto.isTownship, dto.reason, dto.case);
  }

  /** A non-member wrongly entered as a member asks the school committee to remove the record. */
  @Post('members/:id/deletion-request')
  @HttpCode(201)
  deletion(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RecordDeletionDto) {
    return this.requests.requestRecordDeletion(actor, id, dto.reason, dto.isPartyMember);
  }

  @Get('requests')
  inbox(@CurrentActor() actor: Actor, @Query() q: RequestQueryDto) {
    return this.requests.inbox(actor, q.status, q.box);
  }

  @Post('requests/:id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DecisionDto) {
    return this.requests.decide(actor, id, true, dto.comment);
  }

  /** A township correction passed up one level (to the parent; from the province to the centre). */
  @Post('requests/:id/forward')
  @HttpCode(200)
  forward(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DecisionDto) {
    return this.requests.forward(actor, id, dto.comment);
  }

  @Post('requests/:id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DecisionDto) {
    return this.requests.decide(actor, id, false, dto.comment);
  }
}
