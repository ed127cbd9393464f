import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { CreateRemindersDto, ReminderListQueryDto } from './dto';
import { RemindersService } from './reminders.service';

@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** One link per graduate; 201 with the tokens (shown this once). */
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateRemindersDto) {
    return this.reminders.create(actor, body);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ReminderListQueryDto) {
    return this.reminders.list(actor, query);
  }

  @Get(':token')
  open(@CurrentActor() actor: Actor, @Param('token') token: string) {
    return this.reminders.open(actor, token);
  }
}
