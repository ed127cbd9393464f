/** `/auth/*` and `/me`: who is calling and what they may do. */
import type { OrgDomain, OrgKind } from '@xianjie/rules';
import type { MembershipPlace, OrgRef } from './common';
import type { AbroadReportState } from './retention';

/** A role an account holds over an org (and everything under it). */
export type Role = 'org-admin' | 'counsellor' | 'provincial-reviewer';
export const ROLES: readonly Role[] = ['org-admin', 'counsellor', 'provincial-reviewer'];

/**
 * One grant as the API shows it: the role, over which org — with the org's kind and 行业类别, so the
 * app knows which work the org has (a school's season tools, say) without reading each org.
 */
export interface RoleGrantView {
  role: Role;
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
  orgDomain: OrgDomain;
}

export interface LoginBody {
  idNumber: string;
  password: string;
}

export interface SessionUser {
  id: string;
  name: string;
  roles: RoleGrantView[];
}

/** `POST /auth/login` */
export interface LoginResult {
  token: string;
  mustChangePassword: boolean;
  user: SessionUser;
}

export interface ChangePasswordBody {
  oldPassword: string;
  newPassword: string;
}

export interface ForgotPasswordBody {
  idNumber: string;
  /** The person's name: contacts are named only when it matches the ID number's (no lookup by ID number alone). */
  name: string;
}

/** `POST /auth/forgot-password`: how a reset works and whom to ask (phones masked). */
export interface PasswordHelp {
  /** How a forgotten password is handled, for every caller alike. */
  howItWorks: string;
  /** Who can reset it: the nearest org-admins above the person (a branch secretary first); empty when unknown. */
  contacts: { name: string; phoneMasked: string; orgName: string }[];
}

/** wx.login's code, binding the account to the phone's WeChat (subscription messages). */
export interface WechatBindBody {
  code: string;
}

export interface WechatBindResult {
  bound: true;
}

/** The caller's own membership (`GET /me`), with the path of their branch. */
export interface MeMembership {
  orgId: string;
  orgName: string;
  orgPath: OrgRef[];
  place: MembershipPlace;
  graduationYear: number | null;
  isGraduate: boolean;
  isLeagueMember: boolean;
  /** The own school's special branches by purpose (kept at school: named, never searched); `{}` outside a school. */
  schoolBranches?: Partial<Record<'floating' | 'study-abroad' | 'delayed-graduation', OrgRef>>;
}

/** `GET /me`: the one place the caller's own phone appears unmasked. */
export interface Me {
  id: string;
  name: string;
  idNumberMasked: string;
  phone: string;
  mustChangePassword: boolean;
  roles: RoleGrantView[];
  member: MeMembership | null;
  /** Kept at school while abroad (study-abroad retention): the periodic reports asked of them; null for everyone else. */
  abroadReport: AbroadReportState | null;
}

/** `PUT /me/phone` (one person, one number), and its answer. */
export interface PhoneBody {
  phone: string;
}
