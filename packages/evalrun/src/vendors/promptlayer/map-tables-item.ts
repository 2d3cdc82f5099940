import type {
  SheetColumn,
  SheetRow,
  SheetRowCell,
  TableSheetScorecardRowSummary,
  TableSheetScorecardStep,
} from '@evalrun/promptlayer'
import { finishItem, type JudgementInput } from '../../core/finish-item.js'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { asRecord, preview, readField, readNumber, readString } from '../../core/read-json.js'
import { mapTablesCellStatus } from './map-tables-cell-status.js'
import type { PromptLayerTablesRawRow } from './types.js'

/**
 * `step_results` is declared on the single-row answer (an untyped object); a row summary may carry it too
 * (additional properties). Read per step id: `{ score }`, or a bare number.
 */
type ScorecardRowWithSteps = { step_results?: Record<string, unknown> }
type StepResult = { score?: number }
/** `TableSheetScorecardStep.thresholds` is a map of numbers; `pass` is the one read. */
type StepThresholds = { pass?: number }

const VERDICTS: Record<string, ItemStatus> = {
  pass: 'passed',
  // A warning is below the scorecard's pass threshold: it does not pass.
  warn: 'failed',
  fail: 'failed',
  error: 'error',
  skipped: 'skipped',
}
// Worst first, as for legacy rows: a row is as bad as its worst computed cell.
const SEVERITY: ItemStatus[] = ['error', 'unknown', 'pending', 'skipped', 'completed']

/**
 * One sheet row joined with its scorecard row. Its status is the row's verdict (`pass` passes; `warn`, `fail`
 * fail; `error`; `skipped`), else its worst computed cell; its judgements are the scorecard steps' results with
 * their pass thresholds; its key is `row_index <n>`, stable within one sheet.
 */
export function mapTablesItem(
  row: unknown,
  columns: unknown,
  scorecardRow: unknown,
  steps: unknown,
  runRef: string,
): EvalItem<'promptlayer'> {
  const warnings: string[] = []
  const rowIndex = readNumber<SheetRow>(row, 'row_index')
  if (rowIndex === null) warnings.push(`PromptLayer row has no row_index (${preview(row)}).`)
  const cells = asRecord(readField<SheetRow>(row, 'cells')) ?? {}
  const columnList = Array.isArray(columns) ? columns : []
  const titleOf = (id: string) =>
    readString<SheetColumn>(
      columnList.find((column) => readField<SheetColumn>(column, 'id') === id),
      'title',
    ) ?? id
  const typeOf = (id: string) =>
    readString<SheetColumn>(
      columnList.find((column) => readField<SheetColumn>(column, 'id') === id),
      'type',
    )
  const input: Record<string, unknown> = {}
  const output: Record<string, unknown> = {}
  const cellStatuses: ItemStatus[] = []
  for (const [columnId, cell] of Object.entries(cells)) {
    const value = readField<SheetRowCell>(cell, 'value')
    if (typeOf(columnId) === 'TEXT') {
      input[titleOf(columnId)] = value
      continue
    }
    const status = readField<SheetRowCell>(cell, 'status')
    const outcome = mapTablesCellStatus(status)
    if (outcome === 'unknown')
      warnings.push(`PromptLayer cell status ${preview(status)} is not one evalrun knows.`)
    cellStatuses.push(outcome)
    output[titleOf(columnId)] = { status, value }
  }
  const verdict = readString<TableSheetScorecardRowSummary>(scorecardRow, 'aggregate_verdict')
  let status: ItemStatus
  if (verdict !== null) {
    status = VERDICTS[verdict] ?? 'unknown'
    if (status === 'unknown')
      warnings.push(`PromptLayer row verdict ${preview(verdict)} is not one evalrun knows.`)
  } else {
    status = SEVERITY.find((one) => cellStatuses.includes(one)) ?? 'pending'
  }
  const errorSummary = readString<TableSheetScorecardRowSummary>(scorecardRow, 'error_summary')
  if (errorSummary !== null) warnings.push(`Scorecard: ${errorSummary}`)
  const first = Object.values(input)[0]
  const raw: PromptLayerTablesRawRow = {
    from: 'tables',
    rowIndex: rowIndex ?? -1,
    cells: cells as Record<string, SheetRowCell>,
    columns: columnList as SheetColumn[],
    scorecardRow: (scorecardRow ?? null) as TableSheetScorecardRowSummary | null,
  }
  return finishItem<'promptlayer'>({
    runRef,
    vendor: 'promptlayer',
    id: String(rowIndex ?? ''),
    key: `row_index ${rowIndex ?? ''}`,
    name: typeof first === 'string' ? first.slice(0, 200) : null,
    status,
    vendorStatus:
      verdict ??
      (cellStatuses.length === 0
        ? null
        : Object.values(output)
            .map((cell) => String(readField<SheetRowCell>(cell, 'status')))
            .join(',')),
    score: readNumber<TableSheetScorecardRowSummary>(scorecardRow, 'aggregate_score'),
    scoreScale: null,
    judgements: stepJudgements(scorecardRow, steps),
    input,
    output,
    raw,
    warnings,
  })
}

/** Each step's result on this row (`step_results[stepId]`), with the step's `pass` threshold as its verdict. */
function stepJudgements(scorecardRow: unknown, steps: unknown): JudgementInput[] {
  const results = asRecord(readField<ScorecardRowWithSteps>(scorecardRow, 'step_results'))
  if (results === null || !Array.isArray(steps)) return []
  const judgements: JudgementInput[] = []
  for (const step of steps) {
    const id = readString<TableSheetScorecardStep>(step, 'id')
    const result = id === null ? undefined : results[id]
    if (result === undefined) continue
    const value = typeof result === 'number' ? result : readNumber<StepResult>(result, 'score')
    if (value === null) continue
    const threshold = readNumber<StepThresholds>(
      readField<TableSheetScorecardStep>(step, 'thresholds'),
      'pass',
    )
    judgements.push({
      name: readString<TableSheetScorecardStep>(step, 'title') ?? id ?? 'step',
      kind: 'numeric',
      value,
      passed: threshold === null ? null : value >= threshold,
    })
  }
  return judgements
}
