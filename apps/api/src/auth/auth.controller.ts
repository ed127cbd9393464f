import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Actor, AllowPendingPassword, CurrentActor, Public } from './actor';
import { AuthService } from './auth.service';
import { ChangePasswordDto, ForgotPasswordDto, LoginDto, WechatBindDto } from './dto';
import { ForgotPasswordService } from './forgot-password.service';
import { WechatBindingService } from './wechat-binding.service';
import { Doc } from '../common/doc';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly wechat: WechatBindingService,
    private readonly forgot: ForgotPasswordService,
  ) {}

  @Doc({
    summary: '登录',
    description: '身份证号 + 密码。初始密码为身份证号后 8 位，登录后须先修改（`mustChangePassword`）。连续输错会被限流或暂时锁定（429）。',
    response: 'LoginResult',
    errors: [429],
    example: { idNumber: '420111200201101019', password: 'Xj!200201#ok' },
    responseExample: { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtLWNzMjIwMS0xIn0.c2lnbmF0dXJl', mustChangePassword: false, user: { id: 'm-cs2201-1', name: '李明', roles: [] } },
  })
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.idNumber, dto.password);
  }

  /** 忘记密码: how a reset works and whom to ask (masked), for the ID number typed on the login page. */
  @Doc({ summary: '忘记密码：查看重置方式与可联系的管理员', description: '按身份证号给出重置密码的办法和可联系的管理员（手机号脱敏）；不论身份证号是否存在，答复形式相同。', response: 'PasswordHelp', errors: [429] })
  @Public()
  @Post('forgot-password')
  @HttpCode(200)
  forgotPassword(@Body() dto: ForgotPasswordDto, @Req() req: FastifyRequest) {
    return this.forgot.help(dto.idNumber, dto.name, req.ip);
  }

  @Doc({ summary: '修改密码', description: '首次登录时也用此接口修改初始密码。新密码 8–64 位，含大写字母、小写字母、数字、符号中的三类。', response: null })
  @AllowPendingPassword()
  @Post('change-password')
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.oldPassword, dto.newPassword);
  }

  /** In the mini program after login: wx.login's code binds this account's openid (for subscription messages). */
  @Doc({
    summary: '绑定微信',
    description: '小程序登录后以 `wx.login` 的 code 绑定本账号的 openid，用于订阅消息提醒。一个微信只绑定一个账号：从另一账号绑定同一微信，会改绑到该账号。每个账号每分钟最多 10 次。',
    response: 'WechatBindResult',
    errors: [409, 422, 429],
  })
  @Post('wechat-bind')
  @HttpCode(200)
  bindWechat(@CurrentActor() actor: Actor, @Body() dto: WechatBindDto) {
    return this.wechat.bind(actor, dto.code);
  }
}
