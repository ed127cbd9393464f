import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { NewStudentsController } from './new-students.controller';
import { NewStudents } from './new-students.service';

/** 新生团组织 (issue #12): the waiting further-study graduates of a school, listed and told. */
@Module({
  imports: [RemindersModule],
  controllers: [NewStudentsController],
  providers: [NewStudents],
  exports: [NewStudents],
})
export class NewStudentsModule {}
