import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { forbidden } from '../common/app-error';
import { ImportService } from './import.service';

@Controller('admin/import')
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly scope: ScopeService,
  ) {}

  /** A school-level admin loads orgs, members and admins of their own subtree (same format as `npm run import`). */
  @Post()
  @HttpCode(200)
  run(@CurrentActor() actor: Actor, @Body() body: unknown) {
    const within = this.scope.scopes(actor, ADMIN_ROLES);
    if (within.length === 0) throw forbidden('只有组织管理员可以导入数据');
    return this.imports.run(body, within);
  }
}
