import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { DestinationReportDto } from './destination.dto';
import { DestinationsService } from './destinations.service';
import { Doc } from '../common/doc';

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

  @Doc({ summary: '查看组织下毕业生预填的去向', description: '学校、学院管理员与辅导员，仅限本人管理范围内的组织（身份证号脱敏）。', response: 'DestinationRow[]', errors: [403, 404] })
  @Get('orgs/:id/destinations')
  forOrg(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.destinations.forOrg(actor, id);
  }
}
