import { Controller, Get, Param, Query } from '@nestjs/common';
import { OrgQueryDto } from './dto';
import { OrgsService } from './orgs.service';

@Controller('orgs')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  /** Children of an org (roots without parentId), or a name search; any logged-in user picks receivers here. */
  @Get()
  list(@Query() query: OrgQueryDto) {
    return this.orgs.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.orgs.get(id);
  }
}
