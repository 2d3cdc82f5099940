import { TablesModel, type TablesSheet, type TablesTable } from './tables-model.js'

const DAY_MS = 86_400_000

/**
 * A sheet as seeded. `stale`: rows whose computed cells are stale, so that a recalculation has work (`all`: more
 * cells than the confirmation threshold; `none`: nothing to recalculate).
 */
interface SeededSheet {
  title: string
  rows: number
  stale: 'some' | 'all' | 'none'
}

const SEEDED_TABLES: Array<{ title: string; sheets: SeededSheet[] }> = [
  {
    title: 'Support bot evals',
    sheets: [
      { title: 'Answers', rows: 12, stale: 'some' },
      { title: 'Refund policy QA', rows: 20, stale: 'all' },
    ],
  },
  { title: 'RAG faithfulness', sheets: [{ title: 'Baseline', rows: 10, stale: 'none' }] },
]

/** Scored versions each seeded sheet already has, a day apart. */
const PAST_VERSIONS = 3

/** PromptLayer's Tables: a few tables whose sheets hold several scored versions. Independent of suites and runs. */
export function seedTables(seed: number, nowMs: number): TablesModel {
  const model = new TablesModel(seed)
  SEEDED_TABLES.forEach((seeded, t) => {
    const createdMs = nowMs - (PAST_VERSIONS + 2 + t) * DAY_MS
    const table: TablesTable = { id: model.nextId('table'), title: seeded.title, createdMs, sheets: [] }
    seeded.sheets.forEach((one, index) => {
      table.sheets.push(seedSheet(model, table, one, index, createdMs, nowMs))
    })
    model.tables.push(table)
  })
  return model
}

function seedSheet(
  model: TablesModel,
  table: TablesTable,
  seeded: SeededSheet,
  index: number,
  createdMs: number,
  nowMs: number,
): TablesSheet {
  const sheet: TablesSheet = {
    id: model.nextId('sheet'),
    tableId: table.id,
    title: seeded.title,
    index,
    createdMs,
    rows: seeded.rows,
    columns: [
      { id: model.nextId('column'), title: 'question', type: 'TEXT' },
      { id: model.nextId('column'), title: 'expected', type: 'TEXT' },
      { id: model.nextId('column'), title: 'answer', type: 'PROMPT_TEMPLATE' },
      { id: model.nextId('column'), title: 'correct', type: 'LLM_ASSERTION' },
    ],
    staleRows: new Set(),
    revision: 0,
    scorecardId: model.nextId('scorecard'),
    scorecardCreatedMs: createdMs,
    stepIds: [model.nextId('step'), model.nextId('step')],
    operations: [],
    calculations: [],
    versions: [],
  }
  // Each past version: the sheet recomputed (a revision), then scored, a day apart.
  for (let version = 0; version < PAST_VERSIONS; version++) {
    sheet.revision++
    model.addCalculation(sheet, nowMs - (PAST_VERSIONS - version) * DAY_MS)
  }
  model.advance(sheet, nowMs)
  if (seeded.stale === 'all') for (let row = 0; row < sheet.rows; row++) sheet.staleRows.add(row)
  if (seeded.stale === 'some') for (const row of [1, 4, 7]) sheet.staleRows.add(row)
  return sheet
}
