import { Module } from '@nestjs/common';
import { AbroadReportsController } from './abroad-reports.controller';
import { AbroadReportsService } from './abroad-reports.service';
import { RetentionController } from './retention.controller';
import { RetentionLedgerService } from './retention-ledger.service';

/**
 * The retention ledger (保留台账, domain §3): members kept at school, read by the school and its
 * colleges. The sweep (transfers/retention-ledger.ts) moves the records to follow-up / overdue.
 */
@Module({
  controllers: [RetentionController, AbroadReportsController],
  providers: [RetentionLedgerService, AbroadReportsService],
  exports: [AbroadReportsService],
})
export class RetentionModule {}
