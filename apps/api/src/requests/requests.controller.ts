import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../auth/actor';
import { DecisionDto, RecordDeletionDto, RequestQueryDto, TownshipCorrectionDto } from './dto';
import { RequestsService } from './requests.service';
import { Doc } from '../common/doc';
import { sendPage } from '../common/paging';

@Controller()
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  /** Report that an org's 乡镇街道团委 flag is wrong, to its superior. */
  @Doc({ summary: '申请更正乡镇街道团委标记', description: '组织管理员向上级报告本组织的乡镇街道团委标记有误。', response: 'RequestView', errors: [404, 409, 422] })
  @Post('orgs/:id/township-correction')
  @HttpCode(201)
  township(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: TownshipCorrectionDto) {
    return this.requests.reportTownshipFlag(actor, id, dto.isTownship, dto.reason, dto.case);
  }

  /** A non-member wrongly entered as a member asks the school committee to remove the record. */
  @Doc({ summary: '申请删除非团员记录', description: '误录为团员的非团员，向学校团委申请删除记录。', response: 'RequestView', errors: [404, 409, 422] })
  @Post('members/:id/deletion-request')
  @HttpCode(201)
  deletion(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RecordDeletionDto) {
    return this.requests.requestRecordDeletion(actor, id, dto.reason, dto.isPartyMember);
  }

  @Doc({ summary: '请求待办', description: '本人经手或待本人处理的请求，最新的在前。分页；`X-Total-Count` 为总数。', response: 'RequestView[]', totalCount: true })
  @Get('requests')
  async inbox(@CurrentActor() actor: Actor, @Query() q: RequestQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendPage(reply, await this.requests.inbox(actor, q));
  }

  @Doc({ summary: '同意请求', response: 'RequestView', errors: [404, 409, 422] })
  @Post('requests/:id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DecisionDto) {
    return this.requests.decide(actor, id, true, dto.comment);
  }

  /** A township correction passed up one level (to the parent; from the province to the centre). */
  @Doc({ summary: '上报上一级', description: '乡镇街道团委标识更正逐级上报：转给上一级组织（省级之上为团中央）。', response: 'RequestView', errors: [404, 409, 422] })
  @Post('requests/:id/forward')
  @HttpCode(200)
  forward(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DecisionDto) {
    return this.requests.forward(actor, id, dto.comment);
  }

  @Doc({ summary: '驳回请求', response: 'RequestView', errors: [404, 409] })
  @Post('requests/:id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DecisionDto) {
    return this.requests.decide(actor, id, false, dto.comment);
  }
}
