import type { CreateTableSheetOperationRequest } from '@evalrun/promptlayer'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import {
  optionalBoolean,
  rejectUnknownKeys,
  requireNonEmptyString,
  requireObject,
} from '../../core/validate.js'
import type { SheetAddress } from './tables-ref.js'
import type { PromptLayerTablesStartInput } from './types.js'

const KEYS = ['vendor', 'tableId', 'sheetId', 'columnIds', 'rowIds', 'confirm'] as const

/** A Tables start, checked before any request: the sheet, the operation's body, and whether confirming is allowed. */
export function validatePromptLayerTablesStart(value: unknown): {
  sheet: SheetAddress
  body: CreateTableSheetOperationRequest
  confirm: boolean
} {
  const input = requireObject('input', value) as Partial<PromptLayerTablesStartInput>
  rejectUnknownKeys('input', input, KEYS)
  const sheet = {
    tableId: requireNonEmptyString('input.tableId', input.tableId, 200),
    sheetId: requireNonEmptyString('input.sheetId', input.sheetId, 200),
  }
  const body: CreateTableSheetOperationRequest = { operation: 'recalculate' }
  if (input.columnIds !== undefined)
    body.column_ids = nonEmptyList('input.columnIds', input.columnIds, isId, 'column ids')
  if (input.rowIds !== undefined)
    body.row_ids = nonEmptyList(
      'input.rowIds',
      input.rowIds,
      isRowIndex,
      'row indices (whole numbers from 0)',
    )
  return { sheet, body, confirm: optionalBoolean('input.confirm', input.confirm) ?? false }
}

const isId = (item: unknown): item is string => typeof item === 'string' && item.trim() !== ''
const isRowIndex = (item: unknown): item is number => Number.isSafeInteger(item) && (item as number) >= 0

function nonEmptyList<T>(
  field: string,
  value: unknown,
  check: (item: unknown) => item is T,
  what: string,
): T[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every(check)) {
    throw new EvalrunInvalidInputError({ field, value, expected: `a non-empty list of ${what}` })
  }
  return [...value]
}
