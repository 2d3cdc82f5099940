import type { Sheet, Table } from '@evalrun/promptlayer'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readField, readString } from '../../core/read-json.js'
import type { EvalSuite } from '../../core/suite.js'
import { type SheetAddress, sheetSuiteId } from './tables-ref.js'

/**
 * A Tables sheet as an `EvalSuite` (`promptlayer:sheet/<tableId>/<sheetId>`): its runs are its recalculations
 * and saved versions, named `<table> / <sheet>` as its runs are.
 */
export function mapSheetSuite(
  table: unknown,
  sheet: unknown,
  address: SheetAddress,
): EvalSuite<'promptlayer'> {
  const warnings: string[] = []
  const id = sheetSuiteId(address)
  const tableTitle = readString<Table>(table, 'title') ?? address.tableId
  const sheetTitle = readString<Sheet>(sheet, 'title') ?? address.sheetId
  return {
    ref: `promptlayer:${id}`,
    vendor: 'promptlayer',
    id,
    kind: 'sheet',
    name: `${tableTitle} / ${sheetTitle}`,
    createdAt: parseVendorDate(readField<Sheet>(sheet, 'created_at'), 'created_at', warnings),
    url: null,
    raw: { table, sheet },
    warnings,
  }
}
