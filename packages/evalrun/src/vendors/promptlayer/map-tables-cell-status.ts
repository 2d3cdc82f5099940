import type { ItemStatus } from '../../core/model.js'

// PromptLayer has two cell enums: an operation's cells (`TableCell.status`, uppercase; the JS SDK adds PENDING and
// SKIPPED) and the rows listing's (`Cell.status`, lowercase, with `error` and `cancelled`). Stale cells have not
// been computed for the current inputs: pending, as queued ones are. A cancelled cell was never judged: skipped.
const UPPER: Record<string, ItemStatus> = {
  STALE: 'pending',
  PENDING: 'pending',
  QUEUED: 'pending',
  DISPATCHED: 'pending',
  RUNNING: 'pending',
  COMPLETED: 'completed',
  FAILED: 'error',
  SKIPPED: 'skipped',
}
const LOWER: Record<string, ItemStatus> = {
  stale: 'pending',
  queued: 'pending',
  running: 'pending',
  completed: 'completed',
  error: 'error',
  cancelled: 'skipped',
}

/** One Tables cell's status, in either enum, as an item outcome; `unknown` for any other word. */
export function mapTablesCellStatus(status: unknown): ItemStatus {
  if (typeof status !== 'string') return 'unknown'
  const table = status === status.toUpperCase() ? UPPER : LOWER
  return Object.hasOwn(table, status) ? (table[status] as ItemStatus) : 'unknown'
}
