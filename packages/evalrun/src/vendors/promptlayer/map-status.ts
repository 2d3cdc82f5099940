import type { StatusCounts } from '@evalrun/promptlayer'
import type { MappedStatus } from '../../core/mapped-status.js'
import type { RunProgress } from '../../core/model.js'
import { asRecord, preview, readCount, readField } from '../../core/read-json.js'

export interface PromptLayerStatus extends MappedStatus {
  progress: RunProgress
}

const CELL_STATES = [
  'COMPLETED',
  'FAILED',
  'QUEUED',
  'RUNNING',
] as const satisfies readonly (keyof StatusCounts)[]

/**
 * PromptLayer reports only RUNNING or COMPLETED per run; the cell counts tell the rest. A COMPLETED run whose
 * cells all failed is `failed`; a RUNNING run none of whose cells has started is `queued`.
 */
export function mapPromptLayerStatus(status: unknown, statusCounts: unknown): PromptLayerStatus {
  const vendorStatus = typeof status === 'string' ? status : null
  const warnings: string[] = []
  const counts = readCounts(statusCounts, warnings)
  const progress: RunProgress =
    counts === null
      ? { total: null, completed: null, failed: null }
      : {
          total: counts.COMPLETED + counts.FAILED + counts.QUEUED + counts.RUNNING,
          completed: counts.COMPLETED + counts.FAILED,
          failed: counts.FAILED,
        }
  const word = vendorStatus?.trim().toUpperCase()
  if (word === 'COMPLETED') {
    const allFailed = counts !== null && counts.FAILED > 0 && counts.FAILED === progress.total
    return { status: allFailed ? 'failed' : 'completed', vendorStatus, warnings, progress }
  }
  if (word === 'RUNNING') {
    const notStarted = counts !== null && counts.QUEUED > 0 && counts.QUEUED === progress.total
    return { status: notStarted ? 'queued' : 'running', vendorStatus, warnings, progress }
  }
  warnings.push(`PromptLayer status ${preview(status)} is not RUNNING or COMPLETED; status is unknown.`)
  return { status: 'unknown', vendorStatus, warnings, progress }
}

function readCounts(value: unknown, warnings: string[]): Record<(typeof CELL_STATES)[number], number> | null {
  if (value === undefined || value === null) return null
  if (asRecord(value) === null) {
    warnings.push(`PromptLayer stats.status_counts is ${preview(value)}, not an object; progress is unknown.`)
    return null
  }
  const counts = { COMPLETED: 0, FAILED: 0, QUEUED: 0, RUNNING: 0 }
  for (const state of CELL_STATES) {
    const count = readCount<StatusCounts>(value, state)
    if (count === null && readField<StatusCounts>(value, state) !== undefined) {
      warnings.push(`PromptLayer status_counts.${state} is not a whole number; counted as 0.`)
    }
    counts[state] = count ?? 0
  }
  return counts
}
