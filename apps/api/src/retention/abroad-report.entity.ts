import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member abroad, kept at school, reporting on themself (出国(境)团员定期报告): a dated note. */
@Entity('abroad_reports')
export class AbroadReport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 48 })
  memberId!: string;

  @Column({ type: 'varchar', length: 32 })
  at!: string;

  @Column({ type: 'varchar', length: 500 })
  note!: string;
}

/** How often a school's members abroad must report; no row = every 6 months (libs/rules). */
@Entity('abroad_report_settings')
export class AbroadReportSetting {
  @PrimaryColumn({ name: 'org_id', type: 'varchar', length: 48 })
  orgId!: string;

  @Column({ type: 'int' })
  months!: number;

  @Column({ name: 'updated_by_id', type: 'varchar', length: 48 })
  updatedById!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;
}
