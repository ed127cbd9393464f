import type { OrgDomain, OrgKind, OrgPurpose } from '@xianjie/rules';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A league organisation (团组织). The tree is administrative, not geographic. */
@Entity('orgs')
export class Org {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: OrgKind;

  @Index()
  @Column({ name: 'parent_id', type: 'varchar', length: 48, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  domain!: OrgDomain;

  @Column({ type: 'varchar', length: 32 })
  province!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  purpose!: OrgPurpose | null;

  /** 乡镇街道团委 flag; admins may report it as wrong (see org_corrections). */
  @Column({ name: 'is_township', type: 'boolean', default: false })
  isTownship!: boolean;

  /** Materialised path "/root/…/self/": a subtree is `path LIKE '/…/self/%'` on every database. */
  @Index()
  @Column({ type: 'varchar', length: 700 })
  path!: string;

  @Column({ type: 'int', default: 0 })
  depth!: number;

  /** Set by a graduation mark (标记团支部毕业时间): the June this branch graduates. */
  @Column({ name: 'graduation_year', type: 'int', nullable: true })
  graduationYear!: number | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  /** Set when a graduating branch whose members all left is deleted: hidden from the tree, kept for history. */
  @Column({ name: 'deleted_at', type: 'varchar', length: 32, nullable: true })
  deletedAt!: string | null;
}
