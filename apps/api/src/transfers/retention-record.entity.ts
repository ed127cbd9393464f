import type { RetentionKind, RetentionState } from '@xianjie/contract';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The school's ledger (台账) of members kept at school, with the dates they must move on. */
@Entity('retention_records')
export class RetentionRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ name: 'member_id', type: 'varchar', length: 48 })
  memberId!: string;

  @Column({ name: 'transfer_id', type: 'varchar', length: 36 })
  transferId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: RetentionKind;

  @Column({ name: 'branch_id', type: 'varchar', length: 48 })
  branchId!: string;

  /** JSON: the written retention application (where, how long, domestic contact). */
  @Column({ type: 'text', nullable: true })
  details!: string | null;

  @Column({ name: 'started_at', type: 'varchar', length: 32 })
  startedAt!: string;

  @Column({ name: 'follow_up_at', type: 'varchar', length: 32, nullable: true })
  followUpAt!: string | null;

  @Column({ name: 'expires_at', type: 'varchar', length: 32, nullable: true })
  expiresAt!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'active' })
  state!: RetentionState;

  @Column({ name: 'closed_at', type: 'varchar', length: 32, nullable: true })
  closedAt!: string | null;
}
