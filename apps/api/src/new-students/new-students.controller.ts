import { Controller, Get } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { NewStudents } from './new-students.service';

@Controller('transfers/pull-in')
export class NewStudentsController {
  constructor(private readonly newStudents: NewStudents) {}

  /** 待转入新生: waiting further-study graduates who named a school whose new-students org lies in the caller's subtree (masked). */
  @Get('waiting')
  waiting(@CurrentActor() actor: Actor) {
    return this.newStudents.list(actor);
  }
}
