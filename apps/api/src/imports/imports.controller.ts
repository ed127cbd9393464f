import { Readable } from 'node:stream';
import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { importTemplate, XLSX_TYPE } from './import-template';
import { ImportService } from './import.service';
import { notAnImporter } from './imports.errors';
import { Doc } from '../common/doc';

@Controller('admin/import')
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly scope: ScopeService,
  ) {}

  /**
   * A school-level admin loads orgs, members and admins of their own subtree: the JSON of
   * `npm run import`, or an `.xlsx` workbook sent as raw bytes with the spreadsheet content type.
   */
  @Doc({ summary: '导入组织、团员、管理员', description: '学校级管理员导入本人管理范围内的数据：`npm run import` 的 JSON，或 .xlsx 工作簿原始字节。全部成功或全部不导入；可重复导入。', response: 'ImportReport', errors: [422] })
  @Post()
  @HttpCode(200)
  run(@CurrentActor() actor: Actor, @Body() body: unknown) {
    const within = this.within(actor);
    if (Buffer.isBuffer(body)) return this.imports.runWorkbook(Readable.from(body), within);
    return this.imports.run(body, within);
  }

  @Doc({ summary: '下载导入模板', description: '.xlsx 导入模板。', response: 'xlsx' })
  @Get('template')
  @Header('content-type', XLSX_TYPE)
  @Header('content-disposition', `attachment; filename="import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('导入名单模板.xlsx')}`)
  template(@CurrentActor() actor: Actor): Promise<Buffer> {
    this.within(actor);
    return importTemplate();
  }

  private within(actor: Actor): string[] {
    const within = this.scope.scopes(actor, ADMIN_ROLES);
    if (within.length === 0) throw notAnImporter();
    return within;
  }
}
