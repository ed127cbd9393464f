import { Module } from '@nestjs/common';
import { GraduationController } from './graduation.controller';
import { GraduationService } from './graduation.service';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/** 标记团支部毕业时间, graduating-branch deletion and the yearly statistics table (domain §2, §5). */
@Module({
  controllers: [GraduationController, StatisticsController],
  providers: [GraduationService, StatisticsService],
})
export class GraduationModule {}
