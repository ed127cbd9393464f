import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../auth/actor';
import { Doc } from '../common/doc';
import { sendPage } from '../common/paging';
import { WaitingQueryDto } from './dto';
import { NewStudents } from './new-students.service';

@Controller('transfers/pull-in')
export class NewStudentsController {
  constructor(private readonly newStudents: NewStudents) {}

  /** 待转入新生: waiting further-study graduates who named a school whose new-students org lies in the caller's subtree (masked). */
  @Doc({
    summary: '待转入新生',
    description: '本人管理范围内新生团组织所在学校、毕业去向填写了该校的升学毕业生（打码），按新生团组织、再按团员排列。分页；`X-Total-Count` 为总数。',
    response: 'WaitingGraduate[]',
    totalCount: true,
  })
  @Get('waiting')
  async waiting(@CurrentActor() actor: Actor, @Query() q: WaitingQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendPage(reply, await this.newStudents.list(actor, q));
  }
}
