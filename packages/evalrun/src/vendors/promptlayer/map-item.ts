import { finishItem, type JudgementInput } from '../../core/finish-item.js'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { preview, readField, readString } from '../../core/read-json.js'
import { promptLayerCellOutcome } from './map-cell-outcome.js'
import type { PromptLayerRawRow } from './types.js'

/** A dataset cell or an evaluation cell; a row holds both kinds. */
type PromptLayerCell = PromptLayerRawRow['cells'][number]

// Worst first: a row is as bad as its worst evaluation cell. A judgement of false outranks an error elsewhere in
// the row, so that a row judged wrong always counts against the pass rate.
const SEVERITY: ItemStatus[] = ['failed', 'error', 'unknown', 'pending', 'passed', 'completed', 'skipped']

/**
 * One row of `GET /api/public/v2/evaluations/{id}/rows`. Dataset cells become `input` and evaluation cells
 * `output`, both keyed by column name. A cell's status says only whether it ran; its value is the judgement
 * (`promptLayerCellOutcome`), and the row's status is its worst evaluation cell's outcome.
 */
export function mapPromptLayerItem(
  cells: unknown,
  columns: unknown,
  rowNumber: number,
  runRef: string,
): EvalItem<'promptlayer'> {
  const warnings: string[] = []
  const cellList = Array.isArray(cells) ? cells : []
  if (!Array.isArray(cells)) warnings.push(`PromptLayer row is ${preview(cells)}, not an array of cells.`)
  const names = Array.isArray(columns)
    ? columns.map((c, i) => (typeof c === 'string' ? c : `column ${i + 1}`))
    : []
  const input: Record<string, unknown> = {}
  const output: Record<string, unknown> = {}
  const statuses: ItemStatus[] = []
  const vendorStatuses: string[] = []
  const judgements: JudgementInput[] = []
  cellList.forEach((cell, index) => {
    const name = names[index] ?? `column ${index + 1}`
    if (readField<PromptLayerCell>(cell, 'type') !== 'eval') {
      input[name] = readField<PromptLayerCell>(cell, 'value')
      return
    }
    const cellStatus = readString<PromptLayerCell>(cell, 'status')
    const errorMessage = readString<PromptLayerCell>(cell, 'error_message')
    const value = readField<PromptLayerCell>(cell, 'value')
    vendorStatuses.push(cellStatus ?? '?')
    output[name] = { status: cellStatus, value, ...(errorMessage ? { errorMessage } : {}) }
    const outcome = promptLayerCellOutcome(cellStatus, value, errorMessage)
    statuses.push(outcome)
    if (outcome === 'unknown') {
      warnings.push(
        `PromptLayer cell "${name}" has status ${preview(readField<PromptLayerCell>(cell, 'status'))}, not one evalrun knows.`,
      )
    }
    // Only a cell that ran (or judged false) judges: an errored or unfinished cell's value is no verdict.
    if (outcome === 'passed' || outcome === 'failed' || outcome === 'completed')
      judgements.push(...cellJudgement(name, value))
  })
  const status = statuses.length === 0 ? 'pending' : (SEVERITY.find((s) => statuses.includes(s)) ?? 'unknown')
  const first = Object.values(input)[0]
  const raw: PromptLayerRawRow = {
    columns: names,
    cells: cellList as PromptLayerRawRow['cells'],
    rowNumber,
  }
  return finishItem<'promptlayer'>({
    runRef,
    vendor: 'promptlayer',
    id: String(rowNumber),
    // Every run of a pipeline evaluates the same dataset, row for row.
    key: `row ${rowNumber}`,
    name: typeof first === 'string' ? first.slice(0, 200) : null,
    status,
    vendorStatus: vendorStatuses.length === 0 ? null : vendorStatuses.join(','),
    judgements,
    input,
    output,
    raw,
    warnings,
  })
}

/**
 * A cell that ran, as a judgement when its value is one: a boolean (an assertion, its own verdict) or a number (a
 * score on a range PromptLayer does not declare, with no verdict). Text cells are outputs and judge nothing.
 */
function cellJudgement(name: string, value: unknown): JudgementInput[] {
  if (typeof value === 'boolean') return [{ name, kind: 'boolean', value }]
  if (typeof value !== 'number' || !Number.isFinite(value)) return []
  return [{ name, kind: 'numeric', value, passed: null }]
}
