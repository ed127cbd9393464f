import type { RequestKind, RequestStatus } from '@xianjie/contract';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A request one admin (or member) puts to a superior org:
 * - 'township-correction': "our 乡镇街道团委 flag is wrong" (domain §1), decided by the superior org;
 * - 'record-deletion': a non-member wrongly entered as a member; the school committee checks it and
 *   forwards it to the provincial committee, which removes the record (domain §3, §7).
 */
@Entity('org_requests')
export class OrgRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: RequestKind;

  /** The org (township-correction) or the member (record-deletion) the request is about. */
  @Index()
  @Column({ name: 'subject_id', type: 'varchar', length: 48 })
  subjectId!: string;

  /** The org whose admins decide (the superior, or the school committee). */
  @Index()
  @Column({ name: 'decider_org_id', type: 'varchar', length: 48 })
  deciderOrgId!: string;

  /** JSON: what is asked (e.g. { isTownship: false }). */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  status!: RequestStatus;

  /** Holds subject_id while pending: one open request per subject and kind, on every database. */
  @Column({ name: 'open_key', type: 'varchar', length: 80, nullable: true, unique: true })
  openKey!: string | null;

  @Column({ name: 'created_by_id', type: 'varchar', length: 48 })
  createdById!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  @Column({ name: 'decided_by_id', type: 'varchar', length: 48, nullable: true })
  decidedById!: string | null;

  @Column({ name: 'decided_at', type: 'varchar', length: 32, nullable: true })
  decidedAt!: string | null;

  @Column({ name: 'decision_comment', type: 'varchar', length: 200, nullable: true })
  decisionComment!: string | null;

  /** A record deletion the school committee passed on; decider_org_id is then the provincial committee. */
  @Column({ name: 'forwarded_by_id', type: 'varchar', length: 48, nullable: true })
  forwardedById!: string | null;

  @Column({ name: 'forwarded_at', type: 'varchar', length: 32, nullable: true })
  forwardedAt!: string | null;

  @Column({ name: 'forward_comment', type: 'varchar', length: 200, nullable: true })
  forwardComment!: string | null;
}
