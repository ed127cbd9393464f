import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../auth/actor';
import { CreateRemindersDto, ReminderListQueryDto, ReminderSummaryQueryDto, WxaCodeDto } from './dto';
import { RemindersService } from './reminders.service';
import { Doc } from '../common/doc';
import { sendPage } from '../common/paging';

@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** One link per graduate; 201 with the tokens (shown this once). */
  @Doc({
    summary: '生成提醒链接',
    description: '为每名毕业生生成一个提醒链接；令牌仅在此次返回。同一毕业生 24 小时内只通知一次（之后只生成链接）；每人每小时最多生成 1000 个链接。',
    response: 'CreatedReminder[]',
    errors: [404, 422, 429],
  })
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateRemindersDto) {
    return this.reminders.create(actor, body);
  }

  /** The tracking list, newest first; `X-Total-Count` carries how many there are beyond `limit`. */
  @Doc({ summary: '提醒记录', description: '提醒链接及其打开、发起、办结情况，最新的在前。分页；`X-Total-Count` 为总数。', response: 'ReminderTrack[]', totalCount: true, errors: [404] })
  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: ReminderListQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendPage(reply, await this.reminders.list(actor, query));
  }

  /** The same links counted over all of them, for the list's heading. */
  @Doc({ summary: '提醒记录汇总', description: '范围内全部提醒链接中：已发送、已打开、已发起、已办结的条数。', response: 'ReminderSummary', errors: [404] })
  @Get('summary')
  summary(@CurrentActor() actor: Actor, @Query() query: ReminderSummaryQueryDto) {
    return this.reminders.summary(actor, query);
  }

  /** The 小程序码 picture for a link the caller made (or `{ configured: false }`). */
  @Doc({ summary: '生成提醒小程序码', description: '为本人生成的提醒链接绘制小程序码（wxacode.getUnlimited，scene 为短码）；未配置微信时返回 { configured: false }。每人每分钟最多 60 次。', response: 'WxaCodeResult', errors: [404, 429] })
  @Post('wxacode')
  @HttpCode(200)
  wxacode(@CurrentActor() actor: Actor, @Body() body: WxaCodeDto) {
    return this.reminders.wxacode(actor, body.code);
  }

  /** A scanned 小程序码: the short code in its scene opens the same landing as the token. */
  @Doc({ summary: '扫码打开提醒', description: '小程序码的短码打开与提醒链接相同的页面；每个账号每分钟最多 20 次。', response: 'ReminderLanding', errors: [404, 410, 429] })
  @Get('s/:code')
  openByCode(@CurrentActor() actor: Actor, @Param('code') code: string) {
    return this.reminders.openByCode(actor, code);
  }

  @Doc({ summary: '打开提醒链接', description: '毕业生打开本人的提醒链接：还需办理什么。', response: 'ReminderLanding', errors: [404, 410] })
  @Get(':token')
  open(@CurrentActor() actor: Actor, @Param('token') token: string) {
    return this.reminders.open(actor, token);
  }
}
