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
