import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A waiting further-study graduate told that their admitted school's new-students org exists (issue #12). */
@Entity('new_student_notices')
export class NewStudentNotice {
  @PrimaryColumn({ name: 'org_id', type: 'varchar', length: 48 })
  orgId!: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 48 })
  memberId!: string;

  /** The admitted school as the graduate typed it (destination report), kept as typed. */
  @Column({ name: 'typed_school_name', type: 'varchar', length: 200 })
  typedSchoolName!: string;

  @Column({ name: 'notified_at', type: 'varchar', length: 32 })
  notifiedAt!: string;

  /** The reminder link that told them (the reminder channel's own record). */
  @Column({ name: 'reminder_id', type: 'varchar', length: 36, nullable: true })
  reminderId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  delivery!: string | null;
}
