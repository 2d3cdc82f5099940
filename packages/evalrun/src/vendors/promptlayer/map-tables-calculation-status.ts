import type { TableSheetScorecardCalculation } from '@evalrun/promptlayer'
import type { MappedStatus } from '../../core/mapped-status.js'
import type { RunStatus } from '../../core/model.js'
import { preview } from '../../core/read-json.js'

const STATUSES: Record<TableSheetScorecardCalculation['status'], RunStatus> = {
  queued: 'queued',
  running: 'running',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'canceled',
}

/** A scorecard calculation's status (`queued|running|completed|failed|cancelled`). */
export function mapTablesCalculationStatus(status: unknown): MappedStatus {
  const vendorStatus = typeof status === 'string' ? status : null
  if (vendorStatus !== null && Object.hasOwn(STATUSES, vendorStatus)) {
    return { status: STATUSES[vendorStatus as keyof typeof STATUSES], vendorStatus, warnings: [] }
  }
  return {
    status: 'unknown',
    vendorStatus,
    warnings: [
      `PromptLayer scorecard calculation status ${preview(status)} is not one evalrun knows; status is unknown.`,
    ],
  }
}
