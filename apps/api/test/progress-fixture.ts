import { isOpen, makeIdNumber, type TransferStatus } from '@xianjie/rules';
import { Database } from '../src/database/database.service';
import { DEMO_DATA } from '../src/database/seed';
import { DestinationReport } from '../src/members/destination-report.entity';
import { Membership } from '../src/members/membership.entity';
import { Transfer } from '../src/transfers/transfer.entity';
import type { TestApp } from './harness';

/**
 * The campaign fixture shared by the progress and reminder suites: the demo data set plus a
 * dozen graduates, and transfers in every status written straight into the table (so the
 * counts do not depend on the workflow routes). The expected numbers in the specs are worked
 * out by hand from the table below, not by the code under test.
 */
type Row = { id: string; name: string; idNumber: string; phone: string; orgId: string; graduationYear?: number };
const demo = DEMO_DATA as { orgs: unknown[]; members: Row[]; admins: Row[] };

const extra = (id: string, orgId: string, n: number, graduationYear = 2026): Row => ({
  id,
  name: `进度${n}号`,
  idNumber: makeIdNumber('420106', `2004${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 27)).padStart(2, '0')}`, String(600 + n)),
  phone: `1396000${String(n).padStart(4, '0')}`,
  orgId,
  graduationYear,
});

export const PROGRESS_DATA = {
  orgs: demo.orgs,
  members: [
    ...demo.members,
    ...[7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18].map((n) => extra(`p-2201-${n}`, 'chutian-cs-2201', n)),
    extra('p-2201-17', 'chutian-cs-2201', 17, 2025),
    extra('p-2202-4', 'chutian-cs-2202', 24),
    extra('p-2202-5', 'chutian-cs-2202', 25),
  ],
  admins: demo.admins,
};

/** What a transfer is, by the shape of its path, destination and target. */
const KINDS = {
  employed: { path: 'standard', destination: 'employed', target: 'employer-org' },
  further: { path: 'standard', destination: 'further-study', target: 'admitted-school-org' },
  military: { path: 'special-unit', destination: 'military', target: 'special-unit-library' },
  floating: { path: 'retention', destination: 'unplaced', target: 'school-floating-branch' },
  abroad: { path: 'retention', destination: 'study-abroad', target: 'school-abroad-branch' },
  delayed: { path: 'retention', destination: 'delayed-graduation', target: 'school-delayed-branch' },
} as const;
type Kind = keyof typeof KINDS;

/** Each member's transfers, oldest first. */
export const SCENARIO: Record<string, [TransferStatus, Kind][]> = {
  // chutian-cs-2201 (17 graduates of 2026)
  'm-cs2201-1': [],
  'm-cs2201-2': [['pending-outgoing', 'employed']],
  'm-cs2201-3': [['pending-incoming', 'employed']],
  'm-cs2201-4': [['pending-assignment', 'employed']],
  'm-cs2201-5': [['completed', 'employed']],
  'm-cs2201-6': [['withdrawn', 'employed']],
  'p-2201-7': [['rejected', 'employed']],
  'p-2201-8': [['withdrawn', 'employed'], ['pending-outgoing', 'employed']],
  'p-2201-9': [['rejected', 'employed'], ['completed', 'employed']],
  'p-2201-10': [['pending-provincial', 'military']],
  'p-2201-11': [['completed', 'military']],
  'p-2201-12': [['completed', 'floating']],
  'p-2201-13': [['pending-outgoing', 'further']],
  'p-2201-14': [],
  'p-2201-15': [],
  'p-2201-16': [['completed', 'floating'], ['completed', 'employed']],
  'p-2201-17': [['completed', 'employed']],
  'p-2201-18': [],
  // chutian-cs-2202 (5)
  'm-cs2202-1': [['completed', 'abroad']],
  'm-cs2202-2': [['completed', 'delayed']],
  'm-cs2202-3': [['completed', 'floating'], ['completed', 'abroad']],
  'p-2202-4': [['rejected', 'further']],
  'p-2202-5': [['withdrawn', 'military'], ['pending-outgoing', 'employed']],
  // chutian-ee-2201 (3, and m-ee2201-4 who is not a league member)
  'm-ee2201-1': [['completed', 'employed']],
  'm-ee2201-3': [['pending-outgoing', 'employed']],
  // another school
  'm-jt2101-1': [['pending-outgoing', 'employed']],
};

/** Destinations reported in advance (domain §5); a live transfer's destination overrides them. */
export const REPORTS: Record<string, string> = {
  'm-cs2201-2': 'further-study',
  'p-2201-14': 'further-study',
  'p-2201-15': 'classified',
  'p-2202-4': 'employed',
};

const BRANCH: Record<string, string> = Object.fromEntries(PROGRESS_DATA.members.map((m) => [m.id, m.orgId]));

/** Writes the scenario; also moves two memberships and un-flips one, as the specs describe. */
export async function applyScenario(t: TestApp): Promise<void> {
  let seq = 0;
  const rows: Partial<Transfer>[] = [];
  for (const [memberId, transfers] of Object.entries(SCENARIO)) {
    for (const [status, kind] of transfers) {
      seq++;
      const at = new Date(Date.UTC(2026, 5, 2) + seq * 3_600_000).toISOString();
      const k = KINDS[kind];
      rows.push({
        id: `tr-${seq}`,
        memberId,
        openMemberId: isOpen(status) ? memberId : null,
        status,
        path: k.path,
        destination: k.destination,
        target: k.target,
        outgoingOrgId: BRANCH[memberId],
        targetOrgId: k.path === 'standard' ? 'dongfeng' : null,
        targetOrgName: k.path === 'standard' ? '东风智造集团有限公司团委' : null,
        receiverProvince: 'hubei',
        crossSystem: false,
        receiverIsBranch: false,
        answers: JSON.stringify({ destination: k.destination }),
        application: '{}',
        remarks: null,
        startedById: memberId,
        startedByParty: 'member',
        stageEnteredAt: at,
        stageDeadline: isOpen(status) ? new Date(Date.parse(at) + 15 * 86_400_000).toISOString() : null,
        rejectionReason: status === 'rejected' ? '接收组织填写有误' : null,
        assignedBranchId: null,
        retentionDetails: null,
        retentionFollowUpAt: null,
        retentionExpiresAt: null,
        sweepRun: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
        closedAt: isOpen(status) ? null : at,
      });
    }
  }
  await t.app.get(Database).transaction(async (em) => {
    await em.insert(Transfer, rows);
    await em.insert(DestinationReport, Object.entries(REPORTS).map(([memberId, destination]) => ({
      memberId, destination, organisationName: null, organisationAddress: null, organisationTownship: null,
      destinationDetail: null, householdRegistration: null, residence: null, updatedAt: '2026-06-01T00:00:00.000Z',
    })) as DestinationReport[]);
    // Counted by the branch they graduated from, wherever they are now.
    await em.update(Membership, { personId: 'm-cs2201-5' }, { orgId: 'dongfeng-rd' });
    await em.update(Membership, { personId: 'p-2201-15' }, { orgId: 'chutian-ee-2201' });
    // Not flipped yet: the current branch stands in for the graduating one.
    await em.update(Membership, { personId: 'p-2201-18' }, { graduatingOrgId: null, isGraduate: false });
  });
}

export const idOf = (personId: string): string => {
  const p = [...PROGRESS_DATA.members, ...PROGRESS_DATA.admins].find((r) => r.id === personId);
  if (!p) throw new Error(`no fixture person ${personId}`);
  return p.idNumber;
};
export const phoneOf = (personId: string): string => PROGRESS_DATA.members.find((r) => r.id === personId)!.phone;
