/** Word lists for realistic, seeded names. Only the order matters to determinism: append, never reorder. */

export const HUMANLOOP_FILES = [
  'Support/answer-bot',
  'Sales/email-writer',
  'Search/query-rewriter',
  'Docs/summariser',
  'Onboarding/coach',
  'Legal/clause-extractor',
  'Ops/incident-triage',
  'Product/feedback-tagger',
]
