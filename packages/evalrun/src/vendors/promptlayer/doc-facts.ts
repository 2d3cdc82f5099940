import { situation, type VendorDocFacts } from '../doc-facts.js'
import { mapPromptLayerReport } from './map-run.js'
import { mapPromptLayerStatus } from './map-status.js'

export const docFacts: VendorDocFacts = {
  statusCases: () => [
    situation('`RUNNING`, every cell `QUEUED`', mapPromptLayerStatus('RUNNING', { QUEUED: 3 })),
    situation('`RUNNING`', mapPromptLayerStatus('RUNNING', { RUNNING: 1, QUEUED: 2 })),
    situation('`COMPLETED`', mapPromptLayerStatus('COMPLETED', { COMPLETED: 2, FAILED: 1 })),
    situation('`COMPLETED`, every cell `FAILED`', mapPromptLayerStatus('COMPLETED', { FAILED: 3 })),
    situation('any other word (warning)', mapPromptLayerStatus('PAUSED', {})),
  ],
  scoreIs: "the report's `overall_score` (`GET /reports/{id}/score`)",
  emptyRun: () => mapPromptLayerReport({}, {}),
}
