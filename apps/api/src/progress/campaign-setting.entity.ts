import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A school's own campaign deadlines for one graduation year; defaults come from libs/rules. */
@Entity('campaign_settings')
export class CampaignSetting {
  @PrimaryColumn({ name: 'org_id', type: 'varchar', length: 48 })
  orgId!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'started_by', type: 'varchar', length: 10 })
  startedBy!: string;

  @Column({ name: 'received_by', type: 'varchar', length: 10 })
  receivedBy!: string;

  @Column({ name: 'further_study_by', type: 'varchar', length: 10 })
  furtherStudyBy!: string;
}
