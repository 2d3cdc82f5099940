/** Word lists for realistic, seeded names. Only the order matters to determinism: append, never reorder. */

export const DOCUMENT_STEMS = [
  'invoice',
  'statement',
  'report',
  'contract',
  'form',
  'scan',
  'letter',
  'receipt',
  'manifest',
  'summary',
]

export const QUESTIONS = [
  'How do I reset my password?',
  'Can I get a refund after 30 days?',
  'Which plans include SSO?',
  'How do I export my data?',
  'Why was my card declined?',
  'How do I add a teammate?',
  'What is the API rate limit?',
  'How do I delete my account?',
  'Do you support invoices in EUR?',
  'How do I change the billing email?',
]

export const RUN_ADJECTIVES = ['baseline', 'candidate', 'nightly', 'regression', 'ablation', 'release']

export const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4', 'llama-3.1-70b', 'mistral-large']
