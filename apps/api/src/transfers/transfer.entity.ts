import type { StarterParty } from '@xianjie/contract';
import type { Answers, Destination, TargetKind, TransferPath, TransferStatus } from '@xianjie/rules';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';


/**
 * A transfer (接转申请) of one member's league membership. Status moves only through libs/rules lifecycle.
 * (status, stage_deadline): the sweep's one question, "this stage, past its deadline" (migration 1765001500000).
 */
@Entity('transfers')
@Index('IDX_transfers_status_deadline', ['status', 'stageDeadline'])
export class Transfer {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ name: 'member_id', type: 'varchar', length: 48 })
  memberId!: string;

  /**
   * Holds member_id while the transfer is open and NULL once closed: a unique index on it
   * means "at most one transfer in flight per member" on SQLite, PostgreSQL and MySQL alike.
   */
  @Column({ name: 'open_member_id', type: 'varchar', length: 48, nullable: true, unique: true })
  openMemberId!: string | null;

  @Column({ type: 'varchar', length: 24 })
  status!: TransferStatus;

  @Column({ type: 'varchar', length: 16 })
  path!: TransferPath;

  @Column({ type: 'varchar', length: 24 })
  destination!: Destination;

  @Column({ type: 'varchar', length: 32 })
  target!: TargetKind;

  /** The member's branch when the transfer was submitted (转出团支部). */
  @Index()
  @Column({ name: 'outgoing_org_id', type: 'varchar', length: 48 })
  outgoingOrgId!: string;

  @Index()
  @Column({ name: 'target_org_id', type: 'varchar', length: 48, nullable: true })
  targetOrgId!: string | null;

  /** The receiver's name; typed exactly for a cross-system transfer. */
  @Column({ name: 'target_org_name', type: 'varchar', length: 200, nullable: true })
  targetOrgName!: string | null;

  @Column({ name: 'receiver_province', type: 'varchar', length: 32, nullable: true })
  receiverProvince!: string | null;

  @Column({ name: 'cross_system', type: 'boolean', default: false })
  crossSystem!: boolean;

  @Column({ name: 'receiver_is_branch', type: 'boolean', default: false })
  receiverIsBranch!: boolean;

  /** JSON: the questionnaire answers the server re-resolved. */
  @Column({ type: 'text' })
  answers!: string;

  /** JSON: the application snapshot of domain §4, taken at submit. */
  @Column({ type: 'text' })
  application!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  remarks!: string | null;

  @Column({ name: 'started_by_id', type: 'varchar', length: 48 })
  startedById!: string;

  @Column({ name: 'started_by_party', type: 'varchar', length: 24 })
  startedByParty!: StarterParty;

  /** When the current stage began; the 15-day auto-approval counts from here. */
  @Column({ name: 'stage_entered_at', type: 'varchar', length: 32 })
  stageEnteredAt!: string;

  @Column({ name: 'stage_deadline', type: 'varchar', length: 32, nullable: true })
  stageDeadline!: string | null;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 500, nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'assigned_branch_id', type: 'varchar', length: 48, nullable: true })
  assignedBranchId!: string | null;

  /** Retention only: the written application (JSON), kept for the ledger entry approval opens. */
  @Column({ name: 'retention_details', type: 'text', nullable: true })
  retentionDetails!: string | null;

  /** Retention only: the ledger's follow-up date, computed by libs/rules at submission. */
  @Column({ name: 'retention_follow_up_at', type: 'varchar', length: 32, nullable: true })
  retentionFollowUpAt!: string | null;

  /** Retention only: when keeping the member at school must end. */
  @Column({ name: 'retention_expires_at', type: 'varchar', length: 32, nullable: true })
  retentionExpiresAt!: string | null;

  /** Marks the rows one sweep run changed, so its events are written exactly once. */
  @Column({ name: 'sweep_run', type: 'varchar', length: 36, nullable: true })
  sweepRun!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Index()
  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;

  @Column({ name: 'closed_at', type: 'varchar', length: 32, nullable: true })
  closedAt!: string | null;
}
