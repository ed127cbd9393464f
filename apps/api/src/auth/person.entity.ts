import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Anyone who logs in: a member, an admin, a counsellor, a reviewer. Login is by ID number. */
@Entity('people')
export class Person {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'id_number', type: 'varchar', length: 18, unique: true })
  idNumber!: string;

  /** One person, one number: unique. */
  @Column({ type: 'varchar', length: 11, unique: true })
  phone!: string;

  /**
   * NULL while the initial password (the ID number's last 8 characters) is in force: hashing a
   * value derivable from a stored column adds no secrecy, and it keeps bulk imports fast.
   */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ name: 'must_change_password', type: 'boolean', default: true })
  mustChangePassword!: boolean;

  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'varchar', length: 32, nullable: true })
  lockedUntil!: string | null;

  /** Bumped on password change/reset so older tokens stop working. */
  @Column({ name: 'token_version', type: 'int', default: 0 })
  tokenVersion!: number;

  /** The session id of the token that last changed the password: it outlives the token_version bump. */
  @Column({ name: 'kept_session', type: 'varchar', length: 32, nullable: true })
  keptSession!: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  /** The mini program openid, bound after a WeChat login (wx.login → code2session); reminders use it. */
  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true })
  wechatOpenid!: string | null;
}
