import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../auth/actor';
import { CampaignService } from './campaign.service';
import { CampaignDto, NotStartedQueryDto, YearQueryDto } from './dto';
import { NotStartedService } from './not-started.service';
import { ProgressService } from './progress.service';

/** The campaign (domain §5): a school's deadlines, progress per org, and who has not started. */
@Controller('orgs')
export class ProgressController {
  constructor(
    private readonly campaign: CampaignService,
    private readonly progress: ProgressService,
    private readonly notStarted: NotStartedService,
  ) {}

  @Get(':id/campaign')
  getCampaign(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQueryDto) {
    return this.campaign.get(actor, id, this.progress.yearOr(query.year));
  }

  @Put(':id/campaign')
  putCampaign(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQueryDto, @Body() body: CampaignDto) {
    return this.campaign.put(actor, id, this.progress.yearOr(query.year), body);
  }

  @Get(':id/progress')
  getProgress(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQueryDto) {
    return this.progress.progress(actor, id, query.year);
  }

  /** The list itself; `X-Total-Count` carries how many there are beyond `limit`. */
  @Get(':id/not-started')
  async getNotStarted(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: NotStartedQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { rows, total } = await this.notStarted.list(actor, id, query);
    void reply.header('x-total-count', String(total));
    return rows;
  }
}
