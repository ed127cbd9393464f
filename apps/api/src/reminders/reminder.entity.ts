import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A reminder link (提醒链接) for one graduate. Only the token's hash is stored. */
@Entity('reminders')
export class Reminder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Index()
  @Column({ name: 'member_id', type: 'varchar', length: 48 })
  memberId!: string;

  @Column({ name: 'created_by_id', type: 'varchar', length: 48 })
  createdById!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 32 })
  expiresAt!: string;

  @Column({ name: 'opened_at', type: 'varchar', length: 32, nullable: true })
  openedAt!: string | null;

  @Column({ name: 'open_count', type: 'int', default: 0 })
  openCount!: number;

  /** How it was sent: 'log', 'wechat', or 'failed: …'. */
  @Column({ name: 'delivery', type: 'varchar', length: 200, nullable: true })
  delivery!: string | null;
}
