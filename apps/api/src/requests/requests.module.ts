import { Module } from '@nestjs/common';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

/** Requests to a superior org: township-flag corrections (domain §1) and record deletions (domain §3). */
@Module({
  controllers: [RequestsController],
  providers: [RequestsService],
})
export class RequestsModule {}
