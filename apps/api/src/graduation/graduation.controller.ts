import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { MarkBranchesDto } from './dto';
import { GraduationService } from './graduation.service';
import { Doc } from '../common/doc';

@Controller('orgs')
export class GraduationController {
  constructor(private readonly graduation: GraduationService) {}

  @Doc({ summary: '团支部毕业标记', description: '组织下的团支部及其毕业时间（或不毕业原因）。', response: 'BranchMarkView[]', errors: [404] })
  @Get(':id/graduation-marks')
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.graduation.list(actor, id);
  }

  @Doc({ summary: '标记团支部毕业时间', description: '为一批团支部标记同一毕业时间，或同一不毕业原因。', response: 'MarkBranchesResult', errors: [404, 409, 422] })
  @Post(':id/graduation-marks')
  @HttpCode(201)
  mark(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: MarkBranchesDto) {
    return this.graduation.mark(actor, id, dto);
  }

  @Doc({ summary: '删除已毕业的团支部', description: '团员已全部转出的已毕业团支部方可删除。', response: null, errors: [404, 409, 422] })
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.graduation.deleteBranch(actor, id);
  }
}
