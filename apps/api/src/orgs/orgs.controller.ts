import { Controller, Get, Param, Query } from '@nestjs/common';
import { OrgQueryDto } from './dto';
import { OrgsService } from './orgs.service';
import { Doc } from '../common/doc';

@Controller('orgs')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  /** Children of an org (roots without parentId), or a name search; any logged-in user picks receivers here. */
  @Doc({ summary: '组织列表或搜索', description: '按 `parentId` 列出下级组织（不带时为根组织），或按名称 `q` 搜索（带组织路径）；用于选择接收组织。', response: 'OrgView[]' })
  @Get()
  list(@Query() query: OrgQueryDto) {
    return this.orgs.list(query);
  }

  @Doc({ summary: '组织详情', response: 'OrgView', errors: [404] })
  @Get(':id')
  get(@Param('id') id: string) {
    return this.orgs.get(id);
  }
}
