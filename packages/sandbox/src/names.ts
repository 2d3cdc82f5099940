/** Word lists for realistic, seeded names. Only the order matters to determinism: append, never reorder. */

export const DATALAB_COLLECTIONS = [
  'Q3 invoices',
  'Insurance claims 2025',
  'Scientific papers (arXiv sample)',
  'Bank statements',
  'Purchase orders EU',
  'Medical intake forms',
  'Lease agreements',
  'Annual reports 10-K',
  'Shipping manifests',
  'Handwritten notes',
]

export const DATALAB_RUBRICS = [
  { name: 'Table fidelity', criteria: ['cell_accuracy', 'header_detection', 'merged_cells'] },
  { name: 'Invoice fields', criteria: ['vendor_name', 'total_amount', 'line_items'] },
  { name: 'Reading order', criteria: ['column_order', 'footnotes', 'captions'] },
  { name: 'Heading structure', criteria: ['heading_levels', 'section_breaks', 'lists'] },
]

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

export const PROMPTLAYER_PIPELINES = [
  'Support answer quality',
  'RAG faithfulness',
  'SQL generation accuracy',
  'Summarisation (news)',
  'Ticket triage',
  'Refund policy QA',
  'Code review comments',
  'Translation EN→DE',
]

export const PROMPTLAYER_USERS = [
  { id: 11, email: 'ada@example.com' },
  { id: 12, email: 'grace@example.com' },
  { id: 13, email: 'alan@example.com' },
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

export const RUN_ADJECTIVES = ['baseline', 'candidate', 'nightly', 'regression', 'ablation', 'release']

export const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4', 'llama-3.1-70b', 'mistral-large']
