import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Actor, AllowPendingPassword, CurrentActor, Public } from './actor';
import { AuthService } from './auth.service';
import { ChangePasswordDto, ForgotPasswordDto, LoginDto, WechatBindDto } from './dto';
import { ForgotPasswordService } from './forgot-password.service';
import { WechatBindingService } from './wechat-binding.service';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly wechat: WechatBindingService,
    private readonly forgot: ForgotPasswordService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.idNumber, dto.password);
  }

  /** 忘记密码: how a reset works and whom to ask (masked), for the ID number typed on the login page. */
  @Public()
  @Post('forgot-password')
  @HttpCode(200)
  forgotPassword(@Body() dto: ForgotPasswordDto, @Req() req: FastifyRequest) {
    return this.forgot.help(dto.idNumber, req.ip);
  }

  @AllowPendingPassword()
  @Post('change-password')
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.oldPassword, dto.newPassword);
  }

  /** In the mini program after login: wx.login's code binds this account's openid (for subscription messages). */
  @Post('wechat-bind')
  @HttpCode(200)
  bindWechat(@CurrentActor() actor: Actor, @Body() dto: WechatBindDto) {
    return this.wechat.bind(actor, dto.code);
  }
}
