import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ForgotPasswordService } from './forgot-password.service';
import { PasswordHasher } from './password';
import { WechatBindingService } from './wechat-binding.service';

@Module({
  controllers: [AuthController],
  providers: [AuthService, WechatBindingService, PasswordHasher, ForgotPasswordService],
  exports: [AuthService],
})
export class AuthModule {}
