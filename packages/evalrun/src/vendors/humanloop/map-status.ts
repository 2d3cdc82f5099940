import type { MappedStatus } from '../../core/mapped-status.js'
import type { RunStatus } from '../../core/model.js'
import { preview } from '../../core/read-json.js'

// Humanloop's EvaluationStatus is pending | running | completed | cancelled; it has no failed state.
export const HUMANLOOP_STATUS_WORDS: Readonly<Record<string, RunStatus>> = {
  pending: 'queued',
  running: 'running',
  completed: 'completed',
  cancelled: 'canceled',
  canceled: 'canceled',
  // Not in Humanloop's enum; mapped in case it appears rather than reported as unknown.
  failed: 'failed',
}

export function mapHumanloopStatus(status: unknown): MappedStatus {
  const vendorStatus = typeof status === 'string' ? status : null
  const word = vendorStatus?.trim().toLowerCase() ?? ''
  const known = Object.hasOwn(HUMANLOOP_STATUS_WORDS, word) ? HUMANLOOP_STATUS_WORDS[word] : undefined
  if (known !== undefined) return { status: known, vendorStatus, warnings: [] }
  return {
    status: 'unknown',
    vendorStatus,
    warnings: [`Humanloop status ${preview(status)} is not one evalrun knows; status is unknown.`],
  }
}
