import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { CreateRemindersDto, ReminderListQueryDto } from './dto';
import { RemindersService } from './reminders.service';
import { Doc } from '../common/doc';

@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** One link per graduate; 201 with the tokens (shown this once). */
  @Doc({ summary: '生成提醒链接', description: '为每名毕业生生成一个提醒链接；令牌仅在此次返回。', response: 'CreatedReminder[]', errors: [404, 422] })
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateRemindersDto) {
    return this.reminders.create(actor, body);
  }

  @Doc({ summary: '提醒记录', response: 'ReminderTrack[]', errors: [404] })
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ReminderListQueryDto) {
    return this.reminders.list(actor, query);
  }

  @Doc({ summary: '打开提醒链接', description: '毕业生打开本人的提醒链接：还需办理什么。', response: 'ReminderLanding', errors: [404, 410] })
  @Get(':token')
  open(@CurrentActor() actor: Actor, @Param('token') token: string) {
    return this.reminders.open(actor, token);
  }
}
