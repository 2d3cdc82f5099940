import { situation, type VendorDocFacts, wordCases } from '../doc-facts.js'
import { mapDatalabRun } from './map-run.js'
import { DATALAB_STATUS_WORDS, mapDatalabStatus } from './map-status.js'

export const docFacts: VendorDocFacts = {
  statusCases: (now) => [
    ...wordCases(DATALAB_STATUS_WORDS, (word) => mapDatalabStatus({ status: word })),
    situation(
      'any other word with `completed_at` set and `completed_files >= total_files` (warning)',
      mapDatalabStatus({
        status: 'no-such-status',
        completed_at: now.toISOString(),
        total_files: 2,
        completed_files: 2,
      }),
    ),
    situation('any other word (warning)', mapDatalabStatus({ status: 'no-such-status' })),
  ],
  scoreIs: "the batch run's `avg_score`",
  emptyRun: () => mapDatalabRun({}),
}
