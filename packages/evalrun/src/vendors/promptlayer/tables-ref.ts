import { EvalrunInvalidInputError } from '../../core/errors.js'
import { decodeRefPart, encodeRefPart } from '../../core/ref.js'

/**
 * Tables refs. A run started by evalrun is its operation (`tables/<tableId>/<sheetId>/op/<operationId>`); a run read
 * from a sheet's scorecard or versions is its calculation (`…/calc/<calculationId>`). A sheet is a suite
 * (`sheet/<tableId>/<sheetId>`). Each id is percent-encoded, so any string round-trips; none of these forms can be
 * read as a legacy ref (`promptlayer:<integer>`), and no legacy ref as one of these.
 */
export const TABLES_RUN_REF_FORMS =
  'promptlayer:tables/<tableId>/<sheetId>/op/<operationId> or promptlayer:tables/<tableId>/<sheetId>/calc/<calculationId>'
export const SHEET_SUITE_REF_FORM = 'promptlayer:sheet/<tableId>/<sheetId>'

export interface SheetAddress {
  tableId: string
  sheetId: string
}

export type TablesRunAddress = SheetAddress & ({ operationId: string } | { calculationId: string })

export const isTablesRunId = (id: string): boolean => id.startsWith('tables/')
export const isSheetSuiteId = (id: string): boolean => id.startsWith('sheet/')

export function tablesRunId(address: TablesRunAddress): string {
  const sheet = `tables/${encodeRefPart(address.tableId)}/${encodeRefPart(address.sheetId)}`
  return 'operationId' in address
    ? `${sheet}/op/${encodeRefPart(address.operationId)}`
    : `${sheet}/calc/${encodeRefPart(address.calculationId)}`
}

export const sheetSuiteId = (sheet: SheetAddress): string =>
  `sheet/${encodeRefPart(sheet.tableId)}/${encodeRefPart(sheet.sheetId)}`

/** The part of a Tables run ref after `promptlayer:`, read back; throws naming the forms when it is not one. */
export function parseTablesRunId(id: string): TablesRunAddress {
  const [prefix, table, sheet, kind, run, ...rest] = id.split('/')
  const tableId = decodeRefPart(table ?? '')
  const sheetId = decodeRefPart(sheet ?? '')
  const runId = decodeRefPart(run ?? '')
  if (prefix !== 'tables' || rest.length > 0 || tableId === null || sheetId === null || runId === null) {
    throw new EvalrunInvalidInputError({
      field: 'ref',
      value: `promptlayer:${id}`,
      expected: TABLES_RUN_REF_FORMS,
    })
  }
  if (kind === 'op') return { tableId, sheetId, operationId: runId }
  if (kind === 'calc') return { tableId, sheetId, calculationId: runId }
  throw new EvalrunInvalidInputError({
    field: 'ref',
    value: `promptlayer:${id}`,
    expected: TABLES_RUN_REF_FORMS,
  })
}

export function parseSheetSuiteId(id: string): SheetAddress {
  const [prefix, table, sheet, ...rest] = id.split('/')
  const tableId = decodeRefPart(table ?? '')
  const sheetId = decodeRefPart(sheet ?? '')
  if (prefix !== 'sheet' || rest.length > 0 || tableId === null || sheetId === null) {
    throw new EvalrunInvalidInputError({
      field: 'suite',
      value: `promptlayer:${id}`,
      expected: `'${SHEET_SUITE_REF_FORM}' or 'promptlayer:<pipelineId>'`,
    })
  }
  return { tableId, sheetId }
}
