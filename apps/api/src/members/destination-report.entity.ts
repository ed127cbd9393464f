import type { Destination, DestinationDetail } from '@xianjie/rules';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where a graduate expects to go, collected by the school in advance (domain §5): the employer or
 * school, its address and township; the graduate's household registration and residence.
 */
@Entity('destination_reports')
export class DestinationReport {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 48 })
  memberId!: string;

  @Column({ type: 'varchar', length: 24 })
  destination!: Destination;

  /** Civil servant (employed) or admitted postgraduate (further study): the later deadline of §7. */
  @Column({ name: 'destination_detail', type: 'varchar', length: 24, nullable: true })
  destinationDetail!: DestinationDetail | null;

  /** Employer or admitted school. */
  @Column({ name: 'organisation_name', type: 'varchar', length: 200, nullable: true })
  organisationName!: string | null;

  @Column({ name: 'organisation_address', type: 'varchar', length: 200, nullable: true })
  organisationAddress!: string | null;

  /** The township / street (乡镇街道) the employer or school is in. */
  @Column({ name: 'organisation_township', type: 'varchar', length: 100, nullable: true })
  organisationTownship!: string | null;

  /** 户籍所在地 */
  @Column({ name: 'household_registration', type: 'varchar', length: 200, nullable: true })
  householdRegistration!: string | null;

  /** 现居住地 */
  @Column({ type: 'varchar', length: 200, nullable: true })
  residence!: string | null;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;
}
