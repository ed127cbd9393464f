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
import { UnplacedMove } from './unplaced-move';
import { UnplacedMoveController } from './unplaced-move.controller';
import { ProgressModule } from '../progress/progress.module';

/** The transfer workflow (domain §3–§4): controller, service, lifecycle calls. */
@Module({
  imports: [ProgressModule],
  controllers: [TransfersController, MemberTransfersController, EscalationController, UnplacedMoveController],
  providers: [TransfersService, TransferQueries, TransferReader, PullIn, PullInBatch, EscalationService, UnplacedMove],
  exports: [TransfersService, TransferQueries],
})
export class TransfersModule {}
