import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ABROAD_REPORT_MONTHS_RANGE } from '@xianjie/rules';
import { Actor, CurrentActor } from '../auth/actor';
import { AbroadReportsService } from './abroad-reports.service';

export class AbroadReportDto {
  /** Where they are, what they do, how to reach them: in the member's own words. */
  @IsString({ message: '请填写报告内容' })
  @MinLength(4, { message: '报告内容至少 4 个字' })
  @MaxLength(500, { message: '报告内容不超过 500 字' })
  note!: string;
}

export class ReportIntervalDto {
  @IsInt({ message: '间隔应为整月数' })
  @Min(ABROAD_REPORT_MONTHS_RANGE.min, { message: '间隔应在 1 至 12 个月之间' })
  @Max(ABROAD_REPORT_MONTHS_RANGE.max, { message: '间隔应在 1 至 12 个月之间' })
  months!: number;
}

@Controller()
export class AbroadReportsController {
  constructor(private readonly reports: AbroadReportsService) {}

  /** 出国(境)团员定期报告: the member kept abroad reports on themself. */
  @Post('me/abroad-reports')
  @HttpCode(201)
  report(@CurrentActor() actor: Actor, @Body() dto: AbroadReportDto) {
    return this.reports.report(actor, dto.note);
  }

  /** How often the members abroad under this org must report (default every 6 months). */
  @Put('orgs/:id/abroad-report-interval')
  setInterval(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReportIntervalDto) {
    return this.reports.setInterval(actor, id, dto.months);
  }
}
