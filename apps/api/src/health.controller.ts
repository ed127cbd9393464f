import { Controller, Get } from '@nestjs/common';
import { Public } from './auth/actor';

@Controller('health')
export class HealthController {
  @Public()
  @Get()
  health() {
    return { status: 'ok' };
  }
}
