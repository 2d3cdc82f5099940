import { ago, situation, type VendorDocFacts } from '../doc-facts.js'
import { PHOENIX_SCORE_RULE } from './map-metrics.js'
import { mapPhoenixRun } from './map-run.js'
import { DEFAULT_QUIET_PERIOD_MS, derivePhoenixStatus } from './map-status.js'

const quiet = DEFAULT_QUIET_PERIOD_MS
const counts = (at: Date, succeeded: number, failed: number, missing: number) => ({
  example_count: 10,
  repetitions: 1,
  successful_run_count: succeeded,
  failed_run_count: failed,
  missing_run_count: missing,
  created_at: at.toISOString(),
  updated_at: at.toISOString(),
})

export const docFacts: VendorDocFacts = {
  statusCases: (now) => [
    situation(
      `changed less than \`quietPeriodMs\` (${quiet / 60_000} min) ago, whatever the counts`,
      derivePhoenixStatus(counts(ago(now, quiet / 2), 6, 0, 4), now, quiet),
    ),
    situation(
      'every expected run (`example_count × repetitions`) recorded without error, unchanged for `quietPeriodMs`',
      derivePhoenixStatus(counts(ago(now, quiet * 2), 10, 0, 0), now, quiet),
    ),
    situation(
      'runs missing or failed, unchanged for `quietPeriodMs`',
      derivePhoenixStatus(counts(ago(now, quiet * 2), 8, 1, 1), now, quiet),
    ),
    situation('run counts unreadable', derivePhoenixStatus({}, now, quiet)),
  ],
  scoreIs: PHOENIX_SCORE_RULE,
  emptyRun: (now) => mapPhoenixRun({}, { now, quietPeriodMs: quiet, datasetName: null, summary: null }),
}
