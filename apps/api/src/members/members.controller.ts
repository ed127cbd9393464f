import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { MemberQueryDto } from './dto';
import { MembersService } from './members.service';

@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: MemberQueryDto) {
    return this.members.list(actor, query);
  }

  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.members.detail(actor, id);
  }

  /** A branch secretary puts a member back on the initial password (to be changed at next login). */
  @Post(':id/reset-password')
  @HttpCode(204)
  async resetPassword(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.members.assertMayResetPassword(actor, id);
    await this.auth.resetPassword(id);
  }
}
