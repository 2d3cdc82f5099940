import { situation, type VendorDocFacts } from '../doc-facts.js'
import { mapPromptLayerReport } from './map-run.js'
import { mapPromptLayerStatus } from './map-status.js'
import { mapTablesCalculationStatus } from './map-tables-calculation-status.js'
import { mapTablesOperationStatus } from './map-tables-operation-status.js'

const operation = (
  status: string,
  counts: { cells: number; done: number; failed: number; pending: number },
) =>
  mapTablesOperationStatus({
    status,
    cell_count: counts.cells,
    completed_count: counts.done - counts.failed,
    failed_count: counts.failed,
    pending_count: counts.pending,
  })

export const docFacts: VendorDocFacts = {
  statusCases: () => [
    situation('Tables operation `queued`', operation('queued', { cells: 6, done: 0, failed: 0, pending: 6 })),
    situation(
      'Tables operation `running`',
      operation('running', { cells: 6, done: 2, failed: 0, pending: 4 }),
    ),
    situation(
      'Tables operation `running` but `pending_count` 0 and every cell done (the status lags): then scoring',
      mapTablesCalculationStatus('running'),
    ),
    situation(
      'Tables operation `cancelled`',
      operation('cancelled', { cells: 6, done: 2, failed: 0, pending: 0 }),
    ),
    situation(
      'Tables operation ended, every cell failed',
      operation('completed', { cells: 3, done: 3, failed: 3, pending: 0 }),
    ),
    situation('Tables scorecard calculation `queued`', mapTablesCalculationStatus('queued')),
    situation('Tables scorecard calculation `completed`', mapTablesCalculationStatus('completed')),
    situation('Tables scorecard calculation `failed`', mapTablesCalculationStatus('failed')),
    situation('Tables scorecard calculation `cancelled`', mapTablesCalculationStatus('cancelled')),
    situation('legacy `RUNNING`, every cell `QUEUED`', mapPromptLayerStatus('RUNNING', { QUEUED: 3 })),
    situation('legacy `RUNNING`', mapPromptLayerStatus('RUNNING', { RUNNING: 1, QUEUED: 2 })),
    situation('legacy `COMPLETED`', mapPromptLayerStatus('COMPLETED', { COMPLETED: 2, FAILED: 1 })),
    situation('legacy `COMPLETED`, every cell `FAILED`', mapPromptLayerStatus('COMPLETED', { FAILED: 3 })),
    situation('any other word (warning)', mapPromptLayerStatus('PAUSED', {})),
  ],
  scoreIs:
    "Tables: the scorecard calculation's `aggregate_score` (no declared range); legacy: the report's `overall_score` (`GET /reports/{id}/score`)",
  emptyRun: () => mapPromptLayerReport({}, {}),
}
