/** Word lists for realistic, seeded names. Only the order matters to determinism: append, never reorder. */

export const OPENAI_EVALS = [
  'Support answers',
  'Ticket triage',
  'Release notes summaries',
  'Refund policy',
  'SQL generation',
  'Invoice extraction',
  'Headline topics',
  'Onboarding replies',
]

/** Models a seeded run samples (OpenAI's). */
export const OPENAI_MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'gpt-4.1-mini', 'o4-mini']

export const TONE_LABELS = ['friendly', 'neutral', 'curt']
