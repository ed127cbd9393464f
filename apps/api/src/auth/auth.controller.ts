import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Actor, AllowPendingPassword, CurrentActor, Public } from './actor';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, WechatBindDto } from './dto';
import { WechatBindingService } from './wechat-binding.service';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly wechat: WechatBindingService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.idNumber, dto.password);
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
