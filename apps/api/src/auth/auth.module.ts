import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { WechatBindingService } from './wechat-binding.service';

@Module({
  controllers: [AuthController],
  providers: [AuthService, WechatBindingService],
  exports: [AuthService],
})
export class AuthModule {}
