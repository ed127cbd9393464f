import { Module } from '@nestjs/common';

/** The transfer workflow (domain §3–§4): controller, service, lifecycle calls. */
@Module({
  controllers: [],
  providers: [],
  exports: [],
})
export class TransfersModule {}
