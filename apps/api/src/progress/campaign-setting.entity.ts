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

  /** NULL: the libs/rules default (rows from before deadlines by group have none). */
  @Column({ name: 'preparation_by', type: 'varchar', length: 10, nullable: true })
  preparationBy!: string | null;

  @Column({ name: 'employed_unplaced_by', type: 'varchar', length: 10, nullable: true })
  employedUnplacedBy!: string | null;

  @Column({ name: 'postgraduate_civil_servant_by', type: 'varchar', length: 10, nullable: true })
  postgraduateCivilServantBy!: string | null;
}
