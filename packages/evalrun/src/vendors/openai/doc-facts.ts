import { situation, type VendorDocFacts, wordCases } from '../doc-facts.js'
import { mapOpenAIRun, OPENAI_SCORE_RULE } from './map-run.js'
import { mapOpenAIStatus, OPENAI_STATUS_WORDS } from './map-status.js'

export const docFacts: VendorDocFacts = {
  statusCases: () => [
    ...wordCases(OPENAI_STATUS_WORDS, mapOpenAIStatus),
    situation('any other word (warning)', mapOpenAIStatus('no-such-status')),
  ],
  scoreIs: OPENAI_SCORE_RULE,
  emptyRun: () => mapOpenAIRun({}, null, 'eval_1'),
}
