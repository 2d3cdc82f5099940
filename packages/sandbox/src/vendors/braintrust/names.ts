/** Word lists for realistic, seeded names. Only the order matters to determinism: append, never reorder. */

export const BRAINTRUST_PROJECTS = [
  'Support bot',
  'Ticket router',
  'Docs search',
  'Release notes',
  'SQL assistant',
  'Invoice reader',
  'Onboarding emails',
  'Refund agent',
]

/** Branches seeded experiments were run from (their names read `<branch>-<n>`, as CI names them). */
export const BRANCHES = ['main', 'fix-tone', 'rag-v2', 'prompt-shorter', 'gpt-4o-mini', 'retry-tools']

/** Autoevals scorers, Braintrust's global functions: each scores 0..1. */
export const SCORERS = ['Factuality', 'Levenshtein', 'ExactMatch', 'ClosedQA']

export const AUTHORS = ['Ada Byron', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson']
