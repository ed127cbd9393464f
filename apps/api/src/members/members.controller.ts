import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { MemberQueryDto } from './dto';
import { MembersService } from './members.service';
import { Doc } from '../common/doc';

@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly auth: AuthService,
  ) {}

  @Doc({ summary: '团员名册', description: '仅本人管理范围内的团员；列表中手机号、身份证号一律脱敏。', response: 'MemberSummary[]' })
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: MemberQueryDto) {
    return this.members.list(actor, query);
  }

  @Doc({ summary: '团员卡片', description: '管理员与辅导员查看所辖团员；完整手机号仅对当前所在团支部的上级可见。', response: 'MemberCard', errors: [404] })
  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.members.detail(actor, id);
  }

  /** A branch secretary puts a member back on the initial password (to be changed at next login). */
  @Doc({ summary: '重置团员密码', description: '团支书或上级管理员将团员密码重置为初始密码（下次登录须修改）。发起转入的管理员不能重置转出方未审批（超时自动通过）而转入的团员，须由上级管理员重置（403）。', response: null, errors: [403, 404] })
  @Post(':id/reset-password')
  @HttpCode(204)
  async resetPassword(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.members.assertMayResetPassword(actor, id);
    await this.auth.resetPassword(id);
  }
}
