import type { DataSource, QueryResult } from 'typeorm';
import { Database } from '../database/database.service';
import { columnCount, hotQuery, hydrate, insertRow, placeholder, selectColumns } from '../database/raw-rows';
import { Org } from '../orgs/org.entity';
import { TransferEvent } from './transfer-event.entity';
import { Transfer } from './transfer.entity';

export interface ChainAdmin {
  orgId: string;
  name: string;
  phone: string;
}

const pathIds = (path: string) => path.split('/').filter(Boolean);

/**
 * Root … the member's branch, read by the ids in the branch's materialised path, with the
 * org-admins on that chain, nearest first (the application names them) — and any other orgs
 * asked for by id (a submission's named receiver) — in one statement.
 */
export async function chainWithAdmins(
  ds: DataSource, branch: Org, otherIds: (string | null | undefined)[] = [],
): Promise<{ chain: Org[]; admins: ChainAdmin[]; others: Map<string, Org> }> {
  const ids = pathIds(branch.path);
  const others = [...new Set(otherIds.filter((id): id is string => !!id))];
  const wanted = [...new Set([...ids, ...others])];
  const marks = (from: number, n: number) => Array.from({ length: n }, (_, i) => placeholder(ds, from + i)).join(', ');
  // The others' parents come along: the answer names a receiver with its parent (东风智造集团 › 研发中心团支部).
  const parents = others.length
    ? ` OR o.id IN (SELECT x.parent_id FROM orgs x WHERE x.id IN (${marks(wanted.length + 1, others.length)}))`
    : '';
  const rows = await hotQuery(
    ds,
    `SELECT ${selectColumns(ds, Org, 'o')}, p.id AS p_id, p.name AS p_name, p.phone AS p_phone ` +
      'FROM orgs o ' +
      "LEFT JOIN role_grants g ON g.org_id = o.id AND g.role = 'org-admin' " +
      'LEFT JOIN people p ON p.id = g.person_id ' +
      `WHERE o.id IN (${marks(1, wanted.length)})${parents}`,
    [...wanted, ...others],
  );
  const byId = new Map<string, Org>();
  for (const r of rows) if (!byId.has(r.o_id as string)) byId.set(r.o_id as string, hydrate(ds, Org, r, 'o')!);
  const chain = ids.map((id) => byId.get(id)).filter((o): o is Org => !!o);
  const depth = new Map(chain.map((o, i) => [o.id, i]));
  const admins = rows
    .filter((r) => r.p_id !== null && depth.has(r.o_id as string))
    .map((r) => ({ orgId: r.o_id as string, id: r.p_id as string, name: r.p_name as string, phone: r.p_phone as string }))
    .sort((a, b) => depth.get(b.orgId)! - depth.get(a.orgId)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ orgId, name, phone }) => ({ orgId, name, phone }));
  return { chain, admins, others: byId };
}

/**
 * A new transfer and its first event, atomically — and only while the member's membership is still
 * in the branch the start read it in (`outgoingOrgId`, place 'branch'). Between that read and this
 * write another transfer may have completed, an import or an unplaced move may have moved the
 * member: a transfer built on the old branch would let the old school move them out again. So the
 * transfer is inserted from the membership row (`INSERT … SELECT … FROM memberships WHERE …`), and
 * false comes back when it no longer matches: nothing written.
 *
 * The read of that row waits for a writer of it and then sees the committed row: PostgreSQL's
 * `FOR UPDATE` re-checks the condition on the newest version; MySQL's INSERT … SELECT reads its
 * source with a locking read; SQLite has one writer. A deadlock with a completion is retried by
 * the caller (withRetry), and the retry sees the member moved.
 *
 * On PostgreSQL that is one statement (the transfer inserted in a data-modifying CTE, the event
 * by the outer INSERT from its RETURNING): one round trip instead of BEGIN, two INSERTs and
 * COMMIT. MySQL and SQLite have no writable CTEs, so there it is a transaction of the same two
 * INSERTs (SQLite's queued through Database.transaction). The unique index on open_member_id
 * refuses a second open transfer either way.
 */
export async function insertSubmission(db: Database, transfer: Transfer, event: TransferEvent): Promise<boolean> {
  const ds = db.dataSource;
  const pg = ds.options.type === 'postgres';
  const n = columnCount(ds, Transfer);
  const still =
    `FROM memberships m WHERE m.person_id = ${placeholder(ds, n + 1)} AND m.org_id = ${placeholder(ds, n + 2)} AND m.place = 'branch'` +
    (pg ? ' FOR UPDATE' : '');
  const t = insertRow(ds, Transfer, transfer, 1, still);
  const guard = [transfer.memberId, transfer.outgoingOrgId];
  if (pg) {
    const e = insertRow(ds, TransferEvent, event, n + 3, 'FROM t');
    const written = await hotQuery(ds, `WITH t AS (${t.sql} RETURNING id) ${e.sql} RETURNING id`, [...t.params, ...guard, ...e.params]);
    return written.length === 1;
  }
  return db.transaction(async (em) => {
    const e = insertRow(ds, TransferEvent, event);
    const inserted = (await em.queryRunner!.query(t.sql, [...t.params, ...guard], true)) as QueryResult;
    if (!inserted.affected) return false;
    await em.query(e.sql, e.params);
    return true;
  });
}
