import { situation, type VendorDocFacts, wordCases } from '../doc-facts.js'
import { mapHumanloopRun } from './map-run.js'
import { HUMANLOOP_STATUS_WORDS, mapHumanloopStatus } from './map-status.js'

export const docFacts: VendorDocFacts = {
  statusCases: () => [
    ...wordCases(HUMANLOOP_STATUS_WORDS, mapHumanloopStatus),
    situation('any other word (warning)', mapHumanloopStatus('no-such-status')),
  ],
  scoreIs: 'none: each evaluator is a metric',
  emptyRun: () => mapHumanloopRun({ evaluation: {}, run: {}, stats: {} }, 'evr_1'),
}
