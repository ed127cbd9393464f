import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { DestinationReportDto } from './destination.dto';
import { DestinationsService } from './destinations.service';

@Controller()
export class DestinationsController {
  constructor(private readonly destinations: DestinationsService) {}

  @Get('me/destination')
  mine(@CurrentActor() actor: Actor) {
    return this.destinations.mine(actor);
  }

  @Put('me/destination')
  save(@CurrentActor() actor: Actor, @Body() dto: DestinationReportDto) {
    return this.destinations.save(actor, dto);
  }

  @Get('orgs/:id/destinations')
  forOrg(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.destinations.forOrg(actor, id);
  }
}
