import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OrgsModule } from '../orgs/orgs.module';
import { RetentionModule } from '../retention/retention.module';
import { DestinationsController } from './destinations.controller';
import { DestinationsService } from './destinations.service';
import { MeController } from './me.controller';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [AuthModule, OrgsModule, RetentionModule],
  controllers: [MeController, MembersController, DestinationsController],
  providers: [MembersService, DestinationsService],
  exports: [MembersService],
})
export class MembersModule {}
