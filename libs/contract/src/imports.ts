/** `POST /admin/import` and `npm run import`: the import file of contract §3 and its report. */
import type { OrgDomain, OrgKind, OrgPurpose } from '@xianjie/rules';
import type { Role } from './auth';

/** `isTownship` is our addition (optional, derived when absent). */
export interface ImportOrg {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  domain: OrgDomain;
  province: string;
  purpose?: OrgPurpose | null;
  isTownship?: boolean;
}

export interface ImportMember {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  orgId: string;
  /** The June the member graduates. */
  graduationYear?: number | null;
  isLeagueMember?: boolean;
}

export interface ImportAdmin {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  orgId: string;
  role: Role;
}

/** The JSON body (an `.xlsx` workbook with the same sheets is sent as raw bytes instead). */
export interface ImportFile {
  orgs: ImportOrg[];
  members: ImportMember[];
  admins: ImportAdmin[];
}

export interface ImportTally {
  created: number;
  updated: number;
  unchanged: number;
}

/** 200: what the import did, per sheet. A file with any error writes nothing (422 `problems`). */
export interface ImportReport {
  orgs: ImportTally;
  members: ImportTally;
  admins: ImportTally;
}
