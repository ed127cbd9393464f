import type { Role } from '@xianjie/contract';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A role bound to an org: the holder acts inside that org's subtree only. */
@Entity('role_grants')
@Index(['personId', 'role', 'orgId'], { unique: true })
export class RoleGrant {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  id!: string;

  @Column({ name: 'person_id', type: 'varchar', length: 48 })
  personId!: string;

  @Column({ type: 'varchar', length: 24 })
  role!: Role;

  @Column({ name: 'org_id', type: 'varchar', length: 48 })
  orgId!: string;
}
