import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../auth/actor';
import { CampaignService } from './campaign.service';
import { CampaignDto, NotStartedQueryDto, SpecialUnitQueryDto, YearQueryDto } from './dto';
import { SpecialUnitService } from './special-unit.service';
import { NotStartedService } from './not-started.service';
import { ProgressService } from './progress.service';
import { Doc } from '../common/doc';
import { sendPage } from '../common/paging';

/** The campaign (domain §5): a school's deadlines, progress per org, and who has not started. */
@Controller('orgs')
export class ProgressController {
  constructor(
    private readonly campaign: CampaignService,
    private readonly progress: ProgressService,
    private readonly notStarted: NotStartedService,
    private readonly specialUnit: SpecialUnitService,
  ) {}

  @Doc({ summary: '衔接工作时间节点', description: '该组织所在学校生效的时间节点（含各类毕业生）。', response: 'CampaignView', errors: [404, 422] })
  @Get(':id/campaign')
  getCampaign(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQueryDto) {
    return this.campaign.get(actor, id, this.progress.yearOr(query.year));
  }

  @Doc({ summary: '设置衔接工作时间节点', description: '学校设置本校的时间节点；未提供的保持原值。', response: 'CampaignView', errors: [404, 422] })
  @Put(':id/campaign')
  putCampaign(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQueryDto, @Body() body: CampaignDto) {
    return this.campaign.put(actor, id, this.progress.yearOr(query.year), body);
  }

  @Doc({ summary: '衔接进度', description: '学校、学院、团支部的进度，及 5 月 15 日准备工作检查。', response: 'ProgressReport', errors: [404] })
  @Get(':id/progress')
  getProgress(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQueryDto) {
    return this.progress.progress(actor, id, query.year);
  }

  /** The list itself; `X-Total-Count` carries how many there are beyond `limit`. */
  @Doc({ summary: '未发起接转的毕业生', description: '分页；`X-Total-Count` 为总数。', response: 'NotStartedGraduate[]', totalCount: true, errors: [404] })
  @Get(':id/not-started')
  async getNotStarted(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: NotStartedQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPage(reply, await this.notStarted.list(actor, id, query));
  }

  @Doc({ summary: '特殊单位专属库', description: '该组织本届毕业生中转往特殊单位（参军入伍、涉密单位）的：已入库的（与进度中的“特殊单位”人数一致）和待省级团委审核的；学校、学院管理员和辅导员，以及本省的省级审核人。待审核的在前，分页；`X-Total-Count` 为总数。', response: 'SpecialUnitRow[]', totalCount: true, errors: [404] })
  @Get(':id/special-unit')
  async getSpecialUnit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: SpecialUnitQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPage(reply, await this.specialUnit.list(actor, id, query));
  }
}
