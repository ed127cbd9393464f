import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../auth/actor';
import { CampaignService } from './campaign.service';
import { CampaignDto, NotStartedQueryDto, YearQueryDto } from './dto';
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
}
