import type { ItemStatus } from '../../core/model.js'

/** What a cell's status word says: whether it ran (PASSED, COMPLETED), could not (FAILED, ERROR), or has not yet. */
const CELL_STATES: Record<string, 'ran' | 'error' | 'pending' | 'skipped'> = {
  PASSED: 'ran',
  COMPLETED: 'ran',
  FAILED: 'error',
  ERROR: 'error',
  RUNNING: 'pending',
  QUEUED: 'pending',
  PENDING: 'pending',
  DISPATCHED: 'pending',
  STALE: 'pending',
  SKIPPED: 'skipped',
}

/**
 * What one evaluation cell says of its row. Its status word says whether it ran: PASSED and COMPLETED ran, FAILED
 * and ERROR (or an `error_message`, whatever the status) could not, RUNNING, QUEUED and the like have not yet,
 * SKIPPED was left out. Its value is the judgement: a boolean `false` is `failed` whatever the status says, unless
 * the cell is still pending (a false is never read as a pass), a `true` from a cell that ran is `passed`, and a cell that ran with a number or text is `completed`
 * (PromptLayer declares no pass threshold for numbers, and text is an output, not a judgement).
 */
export function promptLayerCellOutcome(
  cellStatus: string | null,
  value: unknown,
  errorMessage: string | null,
): ItemStatus {
  const word = cellStatus?.trim().toUpperCase() ?? ''
  const state = Object.hasOwn(CELL_STATES, word) ? CELL_STATES[word] : undefined
  if (state === 'pending') return state
  if (value === false) return 'failed'
  if (errorMessage || state === 'error') return 'error'
  if (state === 'skipped' || state === undefined) return state ?? 'unknown'
  return value === true ? 'passed' : 'completed'
}
