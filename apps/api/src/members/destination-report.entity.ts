import type { Destination, DestinationDetail } from '@xianjie/rules';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ADMITTED_SCHOOL_KEY_LENGTH } from './admitted-school-key';

/**
 * Where a graduate expects to go, collected by the school in advance (domain §5): the employer or
 * school, its address and township; the graduate's household registration and residence.
 */
@Entity('destination_reports')
@Index('IDX_destination_reports_key', ['organisationKey'])
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

  /**
   * The admitted school's name as a key, for further-study reports (admitted-school-key.ts): how
   * a school's new-students org finds who named it. Not part of the report's view.
   */
  @Column({ name: 'organisation_key', type: 'varchar', length: ADMITTED_SCHOOL_KEY_LENGTH, nullable: true, select: false })
  organisationKey?: string | null;

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
