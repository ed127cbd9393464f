import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * 标记团支部毕业时间: each branch gets an expected graduation date, or the reason it has none
 * (e.g. a staff branch) — exactly one of the two. A mark cannot be undone.
 */
@Entity('graduation_marks')
export class GraduationMark {
  @PrimaryColumn({ name: 'branch_id', type: 'varchar', length: 48 })
  branchId!: string;

  /** YYYY-MM-DD */
  @Column({ name: 'graduation_date', type: 'varchar', length: 10, nullable: true })
  graduationDate!: string | null;

  @Column({ name: 'no_graduation_reason', type: 'varchar', length: 100, nullable: true })
  noGraduationReason!: string | null;

  /** The committee / working committee / general branch that marked it. */
  @Column({ name: 'marked_by_org_id', type: 'varchar', length: 48 })
  markedByOrgId!: string;

  @Column({ name: 'marked_by_id', type: 'varchar', length: 48 })
  markedById!: string;

  @Column({ name: 'marked_at', type: 'varchar', length: 32 })
  markedAt!: string;
}
