/** Word lists for realistic, seeded names. Only the order matters to determinism: append, never reorder. */

/** Datasets (Langfuse's suites): kebab-case, as Langfuse users name them. */
export const LANGFUSE_DATASETS = [
  'support-answers',
  'ticket-triage',
  'refund-policy',
  'sql-generation',
  'invoice-extraction',
  'headline-topics',
  'onboarding-replies',
  'release-notes',
]

export const LANGFUSE_MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4', 'gemini-2.5-pro', 'llama-3.1-70b']

export const TONES = ['friendly', 'neutral', 'curt']

export const REVIEWER_NOTES = [
  'Cites the right help article.',
  'Too long for a chat reply.',
  'Misses the refund window.',
  'Good, but skip the apology.',
]
