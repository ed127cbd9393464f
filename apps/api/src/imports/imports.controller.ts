import { Body, Controller, Get, Header, HttpCode, Logger, Post } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { importTemplate, XLSX_TYPE } from './import-template';
import { ImportService } from './import.service';
import { notAnImporter } from './imports.errors';
import { Doc } from '../common/doc';
import { NewStudents } from '../new-students/new-students.service';

@Controller('admin/import')
export class ImportsController {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly imports: ImportService,
    private readonly scope: ScopeService,
    private readonly newStudents: NewStudents,
  ) {}

  /**
   * A school-level admin loads orgs, members and admins of their own subtree: the JSON of
   * `npm run import`, or an `.xlsx` workbook sent as raw bytes with the spreadsheet content type.
   */
  @Doc({ summary: '导入组织、团员、管理员', description: '学校级管理员导入本人管理范围内的数据：`npm run import` 的 JSON，或 .xlsx 工作簿原始字节。全部成功或全部不导入；可重复导入，同一份名单同时上传也只导入一次。', response: 'ImportReport', errors: [409, 422] })
  @Post()
  @HttpCode(200)
  async run(@CurrentActor() actor: Actor, @Body() body: unknown) {
    const within = this.within(actor);
    const by = { id: actor.id, adminPaths: within };
    const report = Buffer.isBuffer(body) ? await this.imports.runWorkbook(body, by) : await this.imports.run(body, by);
    // A new-students org created (or re-imported) here: its school's waiting graduates are told, once.
    // After the import's commit, so a notifier failure never undoes the roster.
    try {
      await this.newStudents.announce(within);
    } catch (e) {
      this.logger.warn(`new-students notices not sent after an import: ${(e as Error).message}`);
    }
    return report;
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
