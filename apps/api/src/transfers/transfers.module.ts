import { Module } from '@nestjs/common';
import { EscalationController } from './escalation.controller';
import { EscalationService } from './escalation.service';
import { MemberTransfersController } from './member-transfers.controller';
import { PullIn } from './pull-in';
import { PullInBatch } from './pull-in-batch';
import { TransferQueries } from './transfer-queries';
import { TransferReader } from './transfer-reader';
import { TransfersController } from './transfers.controller';
import { TransfersService } from './transfers.service';

/** The transfer workflow (domain §3–§4): controller, service, lifecycle calls. */
@Module({
  controllers: [TransfersController, MemberTransfersController, EscalationController],
  providers: [TransfersService, TransferQueries, TransferReader, PullIn, PullInBatch, EscalationService],
  exports: [TransfersService, TransferQueries],
})
export class TransfersModule {}
