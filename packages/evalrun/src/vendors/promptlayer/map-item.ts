import { finishItem, type JudgementInput } from '../../core/finish-item.js'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { preview, readField, readString } from '../../core/read-json.js'
import type { PromptLayerRawRow } from './types.js'

/** A dataset cell or an evaluation cell; a row holds both kinds. */
type PromptLayerCell = PromptLayerRawRow['cells'][number]

const CELL_STATES: Record<string, ItemStatus> = {
  PASSED: 'passed',
  COMPLETED: 'passed',
  FAILED: 'failed',
  ERROR: 'error',
  RUNNING: 'pending',
  QUEUED: 'pending',
  PENDING: 'pending',
  DISPATCHED: 'pending',
  STALE: 'pending',
  SKIPPED: 'skipped',
}

// Worst first: a row is as bad as its worst evaluation cell.
const SEVERITY: ItemStatus[] = ['error', 'failed', 'unknown', 'pending', 'passed', 'skipped']

/**
 * One row of `GET /api/public/v2/evaluations/{id}/rows`. Dataset cells become `input` and evaluation cells
 * `output`, both keyed by column name; the row's status is its worst evaluation cell's (a cell with an
 * `error_message` counts as `error`), and its score the mean of the cells' numeric and boolean values.
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
    vendorStatuses.push(cellStatus ?? '?')
    judgements.push(...cellJudgement(name, readField<PromptLayerCell>(cell, 'value'), cellStatus))
    output[name] = {
      status: cellStatus,
      value: readField<PromptLayerCell>(cell, 'value'),
      ...(errorMessage ? { errorMessage } : {}),
    }
    const word = cellStatus?.toUpperCase() ?? ''
    const known = Object.hasOwn(CELL_STATES, word) ? CELL_STATES[word] : undefined
    if (errorMessage) statuses.push('error')
    else if (known !== undefined) statuses.push(known)
    else {
      statuses.push('unknown')
      warnings.push(
        `PromptLayer cell "${name}" has status ${preview(readField<PromptLayerCell>(cell, 'status'))}, not one evalrun knows.`,
      )
    }
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
 * An evaluation cell as a judgement, when its value is one: a boolean (an assertion) or a number (a score, on a
 * range PromptLayer does not declare). Text cells are outputs, such as a prompt's answer, and judge nothing; a
 * cell's PASSED or FAILED is kept as a number's verdict.
 */
function cellJudgement(name: string, value: unknown, cellStatus: string | null): JudgementInput[] {
  if (typeof value === 'boolean') return [{ name, kind: 'boolean', value }]
  if (typeof value !== 'number' || !Number.isFinite(value)) return []
  const word = cellStatus?.toUpperCase()
  const passed = word === 'PASSED' ? true : word === 'FAILED' ? false : null
  return [{ name, kind: 'numeric', value, passed }]
}
