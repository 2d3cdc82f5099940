import type { TableSheetOperation } from '@evalrun/promptlayer'
import type { MappedStatus } from '../../core/mapped-status.js'
import type { RunProgress, RunStatus } from '../../core/model.js'
import { preview, readCount, readField } from '../../core/read-json.js'

export interface TablesOperationStatus extends MappedStatus {
  progress: RunProgress
}

// `TableSheetOperation.status` is an untyped string upstream; these are the words read, lower-cased.
const WORDS: Record<string, RunStatus> = {
  queued: 'queued',
  pending: 'queued',
  dispatched: 'running',
  running: 'running',
  in_progress: 'running',
  processing: 'running',
  completed: 'completed',
  complete: 'completed',
  succeeded: 'completed',
  success: 'completed',
  done: 'completed',
  failed: 'failed',
  error: 'failed',
  cancelled: 'canceled',
  canceled: 'canceled',
}

/**
 * A recalculation operation's status: its word, normalised, unless its counts show it ended, which wins (PromptLayer's
 * status may lag them): `pending_count` 0 with `completed_count + failed_count >= cell_count` is terminal. It is then
 * `failed` when every cell failed, else `completed` (failed cells are the items' errors).
 */
export function mapTablesOperationStatus(operation: unknown): TablesOperationStatus {
  const warnings: string[] = []
  const raw = readField<TableSheetOperation>(operation, 'status')
  const vendorStatus = typeof raw === 'string' ? raw : null
  const cells = readCount<TableSheetOperation>(operation, 'cell_count')
  const completed = readCount<TableSheetOperation>(operation, 'completed_count')
  const failed = readCount<TableSheetOperation>(operation, 'failed_count')
  const pending = readCount<TableSheetOperation>(operation, 'pending_count')
  const progress: RunProgress = {
    total: cells,
    completed: completed === null || failed === null ? null : completed + failed,
    failed,
  }
  let status: RunStatus = WORDS[vendorStatus?.trim().toLowerCase() ?? ''] ?? 'unknown'
  const countsSayEnded =
    cells !== null && pending === 0 && progress.completed !== null && progress.completed >= cells
  if (status !== 'canceled' && status !== 'failed' && countsSayEnded) {
    if (status !== 'completed' && status !== 'unknown') {
      warnings.push(
        `PromptLayer's operation says ${preview(raw)} but its counts say it ended (${progress.completed} of ${cells} cells done, none pending): read as ended.`,
      )
    }
    status = cells > 0 && failed === cells ? 'failed' : 'completed'
  } else if (status === 'unknown') {
    warnings.push(`PromptLayer operation status ${preview(raw)} is not one evalrun knows; status is unknown.`)
  }
  return { status, vendorStatus, warnings, progress }
}
