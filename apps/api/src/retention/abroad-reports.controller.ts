import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { AbroadReportsService } from './abroad-reports.service';
import { AbroadReportDto, ReportIntervalDto } from './dto';
import { Doc } from '../common/doc';

@Controller()
export class AbroadReportsController {
  constructor(private readonly reports: AbroadReportsService) {}

  /** 出国(境)团员定期报告: the member kept abroad reports on themself. */
  @Doc({ summary: '出国(境)团员定期报告', description: '在学校保留组织关系的出国(境)团员报告本人近况；只有正在保留中的本人可报；每人每天最多 10 次（429）。', response: 'AbroadReportView', errors: [409, 429] })
  @Post('me/abroad-reports')
  @HttpCode(201)
  report(@CurrentActor() actor: Actor, @Body() dto: AbroadReportDto) {
    return this.reports.report(actor, dto.note);
  }

  @Doc({ summary: '出国(境)团员报告周期', description: '本组织的出国(境)团员多久报告一次：本组织的设置，否则最近的上级组织的设置，否则默认 6 个月。', response: 'ReportIntervalView', errors: [404] })
  @Get('orgs/:id/abroad-report-interval')
  interval(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.reports.interval(actor, id);
  }

  /** How often the members abroad under this org must report (default every 6 months). */
  @Doc({ summary: '设置出国(境)团员报告周期', description: '本组织及以下的出国(境)团员多久报告一次（1–12 个月，默认 6 个月）。', response: 'ReportIntervalView', errors: [404] })
  @Put('orgs/:id/abroad-report-interval')
  setInterval(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReportIntervalDto) {
    return this.reports.setInterval(actor, id, dto.months);
  }
}
