import type { TransferEventAction, TransferStatus } from '@xianjie/rules';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One step of a transfer: who did what, when. Actor "system" for auto-approval. */
@Entity('transfer_events')
@Index(['transferId', 'seq'], { unique: true })
export class TransferEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'transfer_id', type: 'varchar', length: 36 })
  transferId!: string;

  /** 1, 2, 3… per transfer; unique, so two writers can never record the same step twice. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 32 })
  at!: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 48 })
  actorId!: string;

  @Column({ type: 'varchar', length: 24 })
  action!: TransferEventAction;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment!: string | null;

  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus!: TransferStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 24 })
  toStatus!: TransferStatus;
}
