import { ago, situation, type VendorDocFacts } from '../doc-facts.js'
import { BRAINTRUST_SCORE_RULE } from './map-metrics.js'
import { mapBraintrustRun } from './map-run.js'
import { BRAINTRUST_QUIET_PERIOD_MS, deriveBraintrustStatus } from './map-status.js'

const quiet = BRAINTRUST_QUIET_PERIOD_MS
const event = (at: Date) => [{ created: at.toISOString() }]

export const docFacts: VendorDocFacts = {
  statusCases: (now) => [
    situation(
      `newest event (else the experiment's creation) less than \`quietPeriodMs\` (${quiet / 1000} s) old`,
      deriveBraintrustStatus(null, event(ago(now, quiet / 2)), now, quiet),
    ),
    situation(
      'newest event `quietPeriodMs` old or older',
      deriveBraintrustStatus(null, event(ago(now, quiet * 2)), now, quiet),
    ),
    situation('no time to go by', deriveBraintrustStatus(null, [], now, quiet)),
  ],
  scoreIs: BRAINTRUST_SCORE_RULE,
  emptyRun: (now) => mapBraintrustRun({}, {}, { newestTrace: [], observedAt: now }, quiet),
}
