import type { MembershipPlace } from '@xianjie/contract';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A league membership (团组织关系): one per member, keyed by the person. */
@Entity('memberships')
export class Membership {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 48 })
  personId!: string;

  /** The branch the membership sits in; for the special-unit library, the last branch. */
  @Index()
  @Column({ name: 'org_id', type: 'varchar', length: 48 })
  orgId!: string;

  @Column({ type: 'varchar', length: 24, default: 'branch' })
  place!: MembershipPlace;

  /** The June the member graduates (from import or a branch mark). */
  @Column({ name: 'graduation_year', type: 'int', nullable: true })
  graduationYear!: number | null;

  /** The graduating branch the member left from: progress counts the cohort wherever they are now. */
  @Index()
  @Column({ name: 'graduating_org_id', type: 'varchar', length: 48, nullable: true })
  graduatingOrgId!: string | null;

  /** Flagged on June 1 of the graduation year (毕业生团员). */
  @Column({ name: 'is_graduate', type: 'boolean', default: false })
  isGraduate!: boolean;

  /** False: wrongly entered as a member; removed through a deletion request, never transferred. */
  @Column({ name: 'is_league_member', type: 'boolean', default: true })
  isLeagueMember!: boolean;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;
}
