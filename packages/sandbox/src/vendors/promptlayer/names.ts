/** Word lists for realistic, seeded names. Only the order matters to determinism: append, never reorder. */

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
