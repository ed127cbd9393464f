import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Actor, AllowPendingPassword, CurrentActor, Public } from './actor';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto } from './dto';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

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
}
