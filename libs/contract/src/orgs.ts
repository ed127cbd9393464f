/** `/orgs`: the tree, search, and the receiver picker. */
import type { OrgDomain, OrgKind, OrgPurpose, TargetKind } from '@xianjie/rules';
import type { OrgRef } from './common';

/** `GET /orgs?parentId=&q=&fits=&province=` */
export interface OrgQuery {
  /** Children of this org (roots without it); with `q`, a search under it. */
  parentId?: string;
  /** A name search (at least 2 characters). */
  q?: string;
  /** Only orgs that fit this target kind of a resolution (the receiver picker). */
  fits?: TargetKind;
  province?: string;
}

/** An org as every route shows it. */
export interface OrgView {
  id: string;
  name: string;
  kind: OrgKind;
  domain: OrgDomain;
  /** Lowercase pinyin (`hubei`), or `central` for the national centre's orgs. */
  province: string;
  purpose: OrgPurpose | null;
  /** 乡镇街道团委 */
  isTownship: boolean;
  parentId: string | null;
  hasChildren: boolean;
  /** Root … self, so two similar names can be told apart. */
  path: OrgRef[];
  /** Present when the query asked `fits`: whether this org may be picked, and why not. */
  fits?: { ok: boolean; reason?: string };
}
