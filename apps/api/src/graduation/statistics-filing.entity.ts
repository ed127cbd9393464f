import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The yearly statistics table as a school filed it upward (报送): the figures of that day, kept. */
@Entity('statistics_filings')
export class StatisticsFiling {
  @PrimaryColumn({ name: 'org_id', type: 'varchar', length: 48 })
  orgId!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'filed_at', type: 'varchar', length: 32 })
  filedAt!: string;

  @Column({ name: 'filed_by_id', type: 'varchar', length: 48 })
  filedById!: string;

  /** JSON: the statistics table as filed. */
  @Column({ type: 'text' })
  figures!: string;
}
