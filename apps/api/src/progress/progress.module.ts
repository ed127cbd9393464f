import { Module } from '@nestjs/common';
import { CampaignService } from './campaign.service';
import { NotStartedService } from './not-started.service';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';
import { SpecialUnitService } from './special-unit.service';

/** The campaign (domain §5): deadlines per school, progress per org, the not-started list. */
@Module({
  controllers: [ProgressController],
  providers: [CampaignService, ProgressService, NotStartedService, SpecialUnitService],
  exports: [CampaignService, ProgressService],
})
export class ProgressModule {}
