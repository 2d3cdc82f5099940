import type { TablesComponents } from '@evalrun/promptlayer'
import { rngFor } from '../../prng.js'
import { round } from '../history.js'
import {
  type CalculationStatus,
  calculationEndMs,
  calculationStatus,
  cellFails,
  cellsDone,
  operationEndMs,
  QUEUED_MS,
  rowsScored,
  STATUS_LAG_MS,
  type TablesCalculation,
  type TablesModel,
  type TablesOperation,
  type TablesSheet,
  type TablesTable,
  uuidFor,
} from './tables-model.js'

type Schemas = TablesComponents['schemas']

const WORKSPACE_ID = 1
const PASS_THRESHOLD = 0.8
const WARN_THRESHOLD = 0.6
const iso = (ms: number) => new Date(ms).toISOString()

export function tableView(table: TablesTable): Schemas['Table'] {
  return {
    id: table.id,
    title: table.title,
    folder_id: null,
    sheet_count: table.sheets.length,
    workspace_id: WORKSPACE_ID,
    created_at: iso(table.createdMs),
    updated_at: iso(table.createdMs),
  } satisfies Schemas['Table']
}

export function sheetView(sheet: TablesSheet): Schemas['Sheet'] {
  return {
    id: sheet.id,
    table_id: sheet.tableId,
    title: sheet.title,
    index: sheet.index,
    row_count: sheet.rows,
    version_count: sheet.versions.length,
    workspace_id: WORKSPACE_ID,
    created_at: iso(sheet.createdMs),
    updated_at: iso(sheet.versions.at(-1)?.createdMs ?? sheet.createdMs),
  } satisfies Schemas['Sheet']
}

export function columnView(sheet: TablesSheet, index: number): Schemas['Column'] {
  const column = sheet.columns[index]!
  return {
    id: column.id,
    sheet_id: sheet.id,
    title: column.title,
    type: column.type,
    position_rank: index,
    is_output_column: column.type !== 'TEXT',
    config: {},
    workspace_id: WORKSPACE_ID,
  } satisfies Schemas['Column']
}

/** A cell of the rows listing: lowercase status, `error` and `cancelled` included. */
export function cellView(
  sheet: TablesSheet,
  row: number,
  columnIndex: number,
  nowMs: number,
): Schemas['Cell'] {
  const column = sheet.columns[columnIndex]!
  const base = { id: uuidFor(column.id, row), column_id: column.id, sheet_id: sheet.id, row_index: row }
  if (column.type === 'TEXT') {
    const value = column.title === 'question' ? `Question ${row + 1}` : `Expected answer ${row + 1}`
    return { ...base, status: 'completed', value, display_value: value } satisfies Schemas['Cell']
  }
  const status = computedCellStatus(sheet, row, column.id, nowMs)
  const correct = rngFor(sheet.id, sheet.revision, row).chance(0.8)
  const value =
    status !== 'completed' ? null : column.type === 'LLM_ASSERTION' ? correct : `Answer ${row + 1}`
  return {
    ...base,
    status,
    value,
    display_value: value === null ? null : String(value),
    error: status === 'error' ? 'Model request failed' : null,
  } satisfies Schemas['Cell']
}

function computedCellStatus(
  sheet: TablesSheet,
  row: number,
  columnId: string,
  nowMs: number,
): NonNullable<Schemas['Cell']['status']> {
  for (const operation of [...sheet.operations].reverse()) {
    const index = operation.cells.findIndex((cell) => cell.row === row && cell.columnId === columnId)
    if (index < 0) continue
    const done = cellsDone(operation, nowMs)
    if (index < done) return cellFails(operation, index) ? 'error' : 'completed'
    if (operation.canceledMs !== null && operation.canceledMs <= nowMs) return 'cancelled'
    return index === done && nowMs >= operation.createdMs + QUEUED_MS ? 'running' : 'queued'
  }
  return sheet.staleRows.has(row) ? 'stale' : 'completed'
}

/** An operation as polled. Its `status` lags its counts by STATUS_LAG_MS, as PromptLayer's may. */
export function operationView(
  operation: TablesOperation,
  path: string,
  nowMs: number,
): Schemas['TableSheetOperation'] {
  const done = cellsDone(operation, nowMs)
  const canceled = operation.canceledMs !== null && operation.canceledMs <= nowMs
  let failed = 0
  for (let index = 0; index < done; index++) if (cellFails(operation, index)) failed++
  const pending = canceled ? 0 : operation.cells.length - done
  const running = !canceled && pending > 0 && nowMs >= operation.createdMs + QUEUED_MS ? 1 : 0
  const status = canceled
    ? 'cancelled'
    : nowMs < operation.createdMs + QUEUED_MS
      ? 'queued'
      : nowMs < operationEndMs(operation) + STATUS_LAG_MS
        ? 'running'
        : 'completed'
  return {
    operation_id: operation.id,
    operation: 'recalculate',
    status,
    status_counts: { COMPLETED: done - failed, FAILED: failed, QUEUED: pending - running, RUNNING: running },
    cell_count: operation.cells.length,
    completed_count: done - failed,
    failed_count: failed,
    pending_count: pending,
    status_url: `${path}/operations/${operation.id}`,
  } satisfies Schemas['TableSheetOperation']
}

/** A row's verdict in a calculation: two steps (correct, twice the weight; cites the policy), or an error. */
export function rowResult(model: TablesModel, calculation: TablesCalculation, row: number) {
  const random = rngFor(model.seed, 'promptlayer-tables', calculation.id, row)
  if (random.chance(0.03)) return { score: null, verdict: 'error' as const, steps: null }
  const correct = random.chance(calculation.quality) ? 1 : 0
  const cites = random.chance(0.85) ? 1 : 0
  const score = round((2 * correct + cites) / 3, 4)
  return { score, verdict: verdictOf(score), steps: [correct, cites] }
}

const verdictOf = (score: number) =>
  score >= PASS_THRESHOLD
    ? ('pass' as const)
    : score >= WARN_THRESHOLD
      ? ('warn' as const)
      : ('fail' as const)

export function rowSummaryView(
  model: TablesModel,
  sheet: TablesSheet,
  calculation: TablesCalculation,
  row: number,
): Schemas['TableSheetScorecardRowSummary'] {
  const result = rowResult(model, calculation, row)
  const stepResults: Record<string, { score: number }> = {}
  sheet.stepIds.forEach((id, index) => {
    const score = result.steps?.[index]
    if (score !== undefined) stepResults[id] = { score }
  })
  return {
    row_index: row,
    aggregate_score: result.score,
    aggregate_verdict: result.verdict,
    drift_summary: null,
    stale_state: null,
    error_summary: result.verdict === 'error' ? 'Evaluator timed out' : null,
    step_results: stepResults,
  } satisfies Schemas['TableSheetScorecardRowSummary']
}

/** Aggregate score and verdict of the rows scored so far (all of them once completed). */
export function aggregateOf(model: TablesModel, calculation: TablesCalculation, nowMs: number) {
  const scores: number[] = []
  for (let row = 0; row < rowsScored(calculation, nowMs); row++) {
    const score = rowResult(model, calculation, row).score
    if (score !== null) scores.push(score)
  }
  const score = scores.length === 0 ? null : round(scores.reduce((a, b) => a + b, 0) / scores.length, 4)
  return { score, verdict: score === null ? null : verdictOf(score), scored: scores.length }
}

export function calculationView(
  model: TablesModel,
  sheet: TablesSheet,
  calculation: TablesCalculation,
  nowMs: number,
): Schemas['TableSheetScorecardCalculation'] {
  const status: CalculationStatus = calculationStatus(calculation, nowMs)
  const aggregate = status === 'completed' ? aggregateOf(model, calculation, nowMs) : null
  return {
    id: calculation.id,
    scorecard_id: sheet.scorecardId,
    workspace_id: WORKSPACE_ID,
    sheet_id: sheet.id,
    sheet_revision: String(calculation.revision),
    status,
    aggregate_score: aggregate?.score ?? null,
    aggregate_verdict: aggregate?.verdict ?? null,
    criterion_summaries: {},
    drift_summary: null,
    config_hash: null,
    started_at: status === 'queued' ? null : iso(calculation.createdMs),
    completed_at:
      status === 'completed'
        ? iso(calculationEndMs(calculation))
        : status === 'cancelled'
          ? iso(calculation.canceledMs!)
          : null,
    error_summary: null,
  } satisfies Schemas['TableSheetScorecardCalculation']
}

export function scorecardView(sheet: TablesSheet, nowMs: number): Schemas['TableSheetScorecard'] {
  const latest = sheet.calculations.at(-1)
  const active = latest !== undefined && ['queued', 'running'].includes(calculationStatus(latest, nowMs))
  const stale = latest === undefined || latest.revision !== sheet.revision
  return {
    id: sheet.scorecardId,
    name: `${sheet.title} scorecard`,
    sheet_id: sheet.id,
    smart_table_id: sheet.tableId,
    workspace_id: WORKSPACE_ID,
    status: active
      ? (calculationStatus(latest, nowMs) as 'queued' | 'running')
      : stale
        ? 'stale'
        : 'completed',
    stale_state: { is_stale: stale, reasons: stale ? ['cells_recalculated'] : [] },
    aggregation: {
      method: 'weighted_mean',
      pass_threshold: PASS_THRESHOLD,
      warn_threshold: WARN_THRESHOLD,
      required_step_failure_behavior: 'fail',
    },
    evaluated_column_ids: sheet.columns.filter((column) => column.type !== 'TEXT').map((column) => column.id),
    steps: sheet.stepIds.map((id, index) => ({
      id,
      title: index === 0 ? 'Answer is correct' : 'Cites the policy',
      primitive_type: index === 0 ? ('LLM_ASSERTION' as const) : ('CONTAINS' as const),
      order_index: index,
      weight: index === 0 ? 2 : 1,
      required: index === 0,
      thresholds: { pass: 1 },
    })),
    latest_calculation_id: latest?.id ?? null,
    created_at: iso(sheet.scorecardCreatedMs),
    updated_at: iso(latest?.createdMs ?? sheet.scorecardCreatedMs),
  } satisfies Schemas['TableSheetScorecard']
}

export function versionView(
  model: TablesModel,
  sheet: TablesSheet,
  index: number,
  nowMs: number,
): Schemas['TableSheetVersion'] {
  const version = sheet.versions[index]!
  const calculation = sheet.calculations.find((one) => one.id === version.calculationId)!
  const aggregate = aggregateOf(model, calculation, nowMs)
  return {
    id: version.id,
    sheet_id: sheet.id,
    version_number: version.number,
    name: `Version ${version.number}`,
    created_by: 'ada@example.com',
    created_at: iso(version.createdMs),
    metadata: {},
    score: {
      calculation_id: calculation.id,
      aggregate_score: aggregate.score,
      aggregate_verdict: aggregate.verdict,
    },
    score_configuration: null,
  } satisfies Schemas['TableSheetVersion']
}
