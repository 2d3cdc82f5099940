import { ago, situation, type VendorDocFacts } from '../doc-facts.js'
import { mapLangfuseRun } from './map-run.js'
import { UNKNOWN_SCALES } from './map-score-configs.js'
import { DEFAULT_QUIET_PERIOD_MS, deriveLangfuseStatus } from './map-status.js'
import { LANGFUSE_SCORE_RULE } from './score-rule.js'

const quiet = DEFAULT_QUIET_PERIOD_MS
const ended = (at: Date) => ({ scores: [], endTime: at.toISOString() })

export const docFacts: VendorDocFacts = {
  statusCases: (now) => [
    situation(
      `no experiment-level score, \`endTime\` less than \`quietPeriodMs\` (${quiet / 60_000} min) ago`,
      deriveLangfuseStatus(ended(ago(now, quiet / 2)), now, quiet),
    ),
    situation(
      'experiment-level scores',
      deriveLangfuseStatus({ scores: [{ name: 'accuracy', value: 1 }] }, now, quiet),
    ),
    situation(
      'no experiment-level score, `endTime` `quietPeriodMs` ago or more',
      deriveLangfuseStatus(ended(ago(now, quiet * 2)), now, quiet),
    ),
    situation('no scores and no `endTime`', deriveLangfuseStatus({ scores: [] }, now, quiet)),
  ],
  scoreIs: LANGFUSE_SCORE_RULE,
  emptyRun: (now) => mapLangfuseRun({}, { scales: UNKNOWN_SCALES, now, quietPeriodMs: quiet }),
}
