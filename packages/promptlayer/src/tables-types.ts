import type { components } from './generated/tables.js'
import type { TablesOperations } from './tables-paths.js'

type Schemas = components['schemas']

/** A Table: a workbook of sheets. Its id is a UUID. */
export type Table = Schemas['Table']
/** A sheet of a Table: rows of cells under columns, some of them computed (prompts, evaluations). */
export type Sheet = Schemas['Sheet']
/** A cell of the rows listing: its status lowercase, with `error` and `cancelled`. */
export type SheetRowCell = Schemas['Cell']
/** A cell as an operation reports it: its status uppercase (`STALE`, `QUEUED`, …, `FAILED`). */
export type TableCell = Schemas['TableCell']
export type SheetColumn = Schemas['Column']
export type CreateTableSheetOperationRequest = Schemas['CreateTableSheetOperationRequest']
/** 202 queued, or 200: nothing to recalculate (`cell_count` 0) or confirmation required. */
export type CreateTableSheetOperationResponse = Schemas['CreateTableSheetOperationResponse']
export type CreateTableSheetOperationQueuedResponse = Schemas['CreateTableSheetOperationQueuedResponse']
export type CreateTableSheetOperationNoopResponse = Schemas['CreateTableSheetOperationNoopResponse']
export type CreateTableSheetOperationConfirmationResponse =
  Schemas['CreateTableSheetOperationConfirmationResponse']
/** A recalculation operation: `status` is an untyped string upstream; the counts tell its progress. */
export type TableSheetOperation = Schemas['TableSheetOperation']
export type GetTableSheetOperationResponse = Schemas['GetTableSheetOperationResponse']
export type ListTableSheetOperationsResponse = Schemas['ListTableSheetOperationsResponse']
export type CancelTableSheetOperationResponse = Schemas['CancelTableSheetOperationResponse']
export type TableSheetScorecard = Schemas['TableSheetScorecard']
export type TableSheetScorecardStep = Schemas['TableSheetScorecardStep']
export type TableSheetScorecardGetResponse = Schemas['TableSheetScorecardGetResponse']
export type TableSheetScorecardCalculation = Schemas['TableSheetScorecardCalculation']
export type GetTableSheetScorecardCalculationResponse = Schemas['GetTableSheetScorecardCalculationResponse']
export type RecalculateTableSheetScorecardResponse = Schemas['RecalculateTableSheetScorecardResponse']
export type CancelTableSheetScorecardResponse = Schemas['CancelTableSheetScorecardResponse']
export type TableSheetScorecardRowSummary = Schemas['TableSheetScorecardRowSummary']
export type ListTableSheetScorecardRowsResponse = Schemas['ListTableSheetScorecardRowsResponse']
/** `pass | warn | fail | error | skipped` (or null), for a calculation and for each row. */
export type ScorecardVerdict = NonNullable<TableSheetScorecardCalculation['aggregate_verdict']>
export type TableSheetVersion = Schemas['TableSheetVersion']
export type ListTableSheetVersionsResponse = Schemas['ListTableSheetVersionsResponse']
export type TableSheetScoreHistoryResponse = Schemas['TableSheetScoreHistoryResponse']

type Answer<Id extends keyof TablesOperations> = TablesOperations[Id] extends {
  responses: { 200: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never
/** A page of `GET /api/public/v2/tables` (cursor-paged). */
export type TablesPage = Answer<'list_tables'>
/** A page of a table's sheets (cursor-paged). */
export type SheetsPage = Answer<'list_table_sheets'>
/** A page of a sheet's rows: each row's cells keyed by column id, the columns on the first page. */
export type SheetRowsPage = Answer<'list_table_sheet_rows'>
export type SheetRow = NonNullable<SheetRowsPage['data']>[number]
export type TableSheetScorecardStaleState = Schemas['TableSheetScorecardStaleState']
export type PublicListPagination = Schemas['PublicListPagination']
