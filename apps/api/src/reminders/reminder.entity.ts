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

  /** SHA-256 of the short code a 小程序码 carries; null on links made before codes existed. */
  @Index('IDX_reminders_code_hash', { unique: true })
  @Column({ name: 'code_hash', type: 'varchar', length: 64, nullable: true })
  codeHash?: string | null;

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
