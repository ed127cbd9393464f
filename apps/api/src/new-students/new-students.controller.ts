import { Controller, Get } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { NewStudents } from './new-students.service';
import { Doc } from '../common/doc';

@Controller('transfers/pull-in')
export class NewStudentsController {
  constructor(private readonly newStudents: NewStudents) {}

  /** 待转入新生: waiting further-study graduates who named a school whose new-students org lies in the caller's subtree (masked). */
  @Doc({ summary: '待转入新生', description: '本人管理范围内新生团组织所在学校、毕业去向填写了该校的升学毕业生（打码）。', response: 'WaitingGraduate[]' })
  @Get('waiting')
  waiting(@CurrentActor() actor: Actor) {
    return this.newStudents.list(actor);
  }
}
