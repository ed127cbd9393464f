import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { CreateRemindersDto, ReminderListQueryDto, WxaCodeDto } from './dto';
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

  /** The 小程序码 picture for a link the caller made (or `{ configured: false }`). */
  @Post('wxacode')
  @HttpCode(200)
  wxacode(@CurrentActor() actor: Actor, @Body() body: WxaCodeDto) {
    return this.reminders.wxacode(actor, body.code);
  }

  /** A scanned 小程序码: the short code in its scene opens the same landing as the token. */
  @Get('s/:code')
  openByCode(@CurrentActor() actor: Actor, @Param('code') code: string) {
    return this.reminders.openByCode(actor, code);
  }

  @Get(':token')
  open(@CurrentActor() actor: Actor, @Param('token') token: string) {
    return this.reminders.open(actor, token);
  }
}
