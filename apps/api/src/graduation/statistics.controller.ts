import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../auth/actor';
import { YearQueryDto } from '../progress/dto';
import { StatisticsQueryDto } from './statistics.dto';
import { StatisticsService, XLSX_TYPE } from './statistics.service';
import { Doc } from '../common/doc';

/** RFC 5987 / 6266: an ASCII fallback name for old clients, the Chinese one in `filename*`. */
export function attachment(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

@Controller('orgs')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  /** The yearly statistics table (年度统计表) as JSON, or with `format=xlsx` as the workbook a school files upward. */
  @Doc({ summary: '年度统计表', description: '学校、学院的年度统计表；`format=xlsx` 时下载上报用的 Excel 工作簿。', response: 'StatisticsTable', xlsx: true, errors: [404, 422] })
  @Get(':id/statistics')
  async table(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: StatisticsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const table = await this.statistics.table(actor, id, q.year);
    if (q.format !== 'xlsx') return table;
    const { buffer, fileName } = await this.statistics.workbook(table);
    void reply.header('content-type', XLSX_TYPE);
    void reply.header('content-disposition', attachment(fileName, `statistics-${table.year}.xlsx`));
    return buffer;
  }

  /** 报送: the school files this year's table upward (part of the May 15 preparation check). */
  @Doc({ summary: '报送年度统计表', description: '学校向上级报送本年度统计表（5 月 15 日前准备工作检查的一项），可重新报送；往年的只报送一次，未来年度不能报送。', response: 'StatisticsTable', errors: [404, 409, 422] })
  @Post(':id/statistics/filing')
  @HttpCode(201)
  file(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: YearQueryDto) {
    return this.statistics.file(actor, id, q.year);
  }
}
