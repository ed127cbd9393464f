import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { MarkBranchesDto } from './dto';
import { GraduationService } from './graduation.service';

@Controller('orgs')
export class GraduationController {
  constructor(private readonly graduation: GraduationService) {}

  @Get(':id/graduation-marks')
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.graduation.list(actor, id);
  }

  @Post(':id/graduation-marks')
  @HttpCode(201)
  mark(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: MarkBranchesDto) {
    return this.graduation.mark(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.graduation.deleteBranch(actor, id);
  }
}
