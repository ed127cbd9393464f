import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../auth/actor';
import { DestinationReportDto } from './destination.dto';
import { DestinationsService } from './destinations.service';
import { DestinationsQueryDto } from './dto';
import { Doc } from '../common/doc';
import { sendPage } from '../common/paging';

@Controller()
export class DestinationsController {
  constructor(private readonly destinations: DestinationsService) {}

  @Doc({ summary: '查看本人预填的毕业去向', description: '尚未填报时为 `null`。', response: 'DestinationReportView | null', errors: [403] })
  @Get('me/destination')
  mine(@CurrentActor() actor: Actor) {
    return this.destinations.mine(actor);
  }

  @Doc({ summary: '预填毕业去向（去向预填）', response: 'DestinationReportView', errors: [403, 422] })
  @Put('me/destination')
  save(@CurrentActor() actor: Actor, @Body() dto: DestinationReportDto) {
    return this.destinations.save(actor, dto);
  }

  /** A page of the list; `X-Total-Count` carries how many there are beyond `limit`. */
  @Doc({ summary: '查看组织下毕业生预填的去向', description: '学校、学院管理员与辅导员，仅限本人管理范围内的组织（身份证号脱敏）。按支部、姓名排序，分页；`X-Total-Count` 为总数。', response: 'DestinationRow[]', totalCount: true, errors: [403, 404] })
  @Get('orgs/:id/destinations')
  async forOrg(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() page: DestinationsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendPage(reply, await this.destinations.forOrg(actor, id, page));
  }
}
