import { UNPLACED_MOVE_MAX, UNPLACED_MOVE_STATUSES, type UnplacedMoveResult, type UnplacedMoveRow } from '@xianjie/contract'

/** The ids in batches the API takes in one request (it refuses more than UNPLACED_MOVE_MAX). */
export function batches(ids: readonly string[], size = UNPLACED_MOVE_MAX): string[][] {
  const out: string[][] = []
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size))
  return out
}

/** Two batches' answers as one: what the person sees is one move, however many requests it took. */
export function mergeResults(a: UnplacedMoveResult | null, b: UnplacedMoveResult): UnplacedMoveResult {
  if (!a) return b
  const counts = { ...a.counts }
  for (const s of UNPLACED_MOVE_STATUSES) counts[s] = (a.counts[s] ?? 0) + (b.counts[s] ?? 0)
  return { total: a.total + b.total, counts, rows: [...a.rows, ...b.rows] }
}

/** Everyone the move did not put in the branch, in the order they were sent (a started one still waits for approval). */
export function notMoved(result: UnplacedMoveResult): UnplacedMoveRow[] {
  return result.rows.filter((r) => r.status !== 'moved')
}
