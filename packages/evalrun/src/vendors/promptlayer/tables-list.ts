import {
  type ListTableSheetScorecardRowsResponse,
  type ListTableSheetVersionsResponse,
  type PublicListPagination,
  request,
  type Sheet,
  type SheetRow,
  type SheetRowsPage,
  type SheetsPage,
  type Table,
  type TableSheetScorecard,
  type TableSheetScorecardCalculation,
  type TableSheetScorecardGetResponse,
  type TableSheetScorecardRowSummary,
  type TableSheetVersion,
  type TablesPage,
} from '@evalrun/promptlayer'
import type { EvalItem, EvalRun } from '../../core/model.js'
import { cursorPaging, type ListingWarn, listIn, paginate } from '../../core/paginate.js'
import { readField, readId, readNumber, readString } from '../../core/read-json.js'
import { mapTablesItem } from './map-tables-item.js'
import { mapTablesRun } from './map-tables-run.js'
import { SCORECARD, SHEET, type TablesContext } from './tables-context.js'
import { type SheetAddress, type TablesRunAddress, tablesRunId } from './tables-ref.js'
import type { PromptLayerTablesRawRun } from './types.js'

/** Tables read when listing every suite: each costs a sheets listing and a scorecard read per sheet. */
export const MAX_TABLES_LISTED = 20
const PAGE_SIZE = 100
/** `TableSheetVersion.score` is an untyped object upstream; a version names the calculation it saved there. */
type VersionScore = { calculation_id?: string }
const pathOf = (sheet: SheetAddress) => ({ table_id: sheet.tableId, sheet_id: sheet.sheetId })
const more = (page: unknown) => readField<TablesPage>(page, 'has_more') as boolean | null

/**
 * Tables runs, newest first per sheet. One sheet (a suite): its latest calculation, then its saved versions' scores.
 * Every sheet: each sheet's latest calculation, over at most MAX_TABLES_LISTED tables; a listing cut there says so
 * (`stoppedEarly`), never silently.
 */
export async function* listTablesRuns(
  ctx: TablesContext,
  sheet: SheetAddress | null,
  warn: ListingWarn,
  signal: AbortSignal,
): AsyncGenerator<EvalRun<'promptlayer'>> {
  if (sheet !== null) {
    yield* sheetRuns(ctx, sheet, null, true, warn, signal)
    return
  }
  for await (const { table, sheet: one, address } of listSheets(ctx, 'runs', warn, signal)) {
    const name = `${readString<Table>(table, 'title') ?? address.tableId} / ${readString<Sheet>(one, 'title') ?? address.sheetId}`
    yield* sheetRuns(ctx, address, name, false, warn, signal)
  }
}

/** One sheet as listed, with the table it is in. */
export interface ListedSheet {
  table: unknown
  sheet: unknown
  address: SheetAddress
}

/**
 * Every sheet of the workspace, table by table, over at most MAX_TABLES_LISTED tables; a listing cut there says so
 * (`stoppedEarly`), never silently. `what` names what is being listed, for that warning (`runs`, `sheets`).
 */
export async function* listSheets(
  ctx: TablesContext,
  what: string,
  warn: ListingWarn,
  signal: AbortSignal,
): AsyncGenerator<ListedSheet> {
  const tables = paginate({
    vendor: 'PromptLayer',
    retry: ctx.retry,
    operation: 'GET /api/public/v2/tables',
    entries: 'tables',
    paging: cursorPaging((page) => readString<TablesPage>(page, 'next_cursor'), more),
    read: (cursor) =>
      request(ctx.client, 'GET', '/api/public/v2/tables', {
        params: { query: { cursor, limit: PAGE_SIZE } },
        signal,
      }),
    list: listIn<{ data: unknown }>('data'),
    key: (table) => readId<Table>(table, 'id'),
    warn,
    signal,
  })
  let read = 0
  for await (const table of tables) {
    if (++read > MAX_TABLES_LISTED) {
      warn(
        `PromptLayer: listed the ${what} of the first ${MAX_TABLES_LISTED} tables only; list one sheet with suite 'promptlayer:sheet/<tableId>/<sheetId>' for the rest.`,
        { stoppedEarly: true },
      )
      return
    }
    const tableId = readId<Table>(table, 'id')
    if (tableId === null) continue
    const sheets = paginate({
      vendor: 'PromptLayer',
      retry: ctx.retry,
      operation: 'GET /api/public/v2/tables/{table_id}/sheets',
      entries: 'sheets',
      paging: cursorPaging((page) => readString<SheetsPage>(page, 'next_cursor'), more),
      read: (cursor) =>
        request(ctx.client, 'GET', '/api/public/v2/tables/{table_id}/sheets', {
          params: { path: { table_id: tableId }, query: { cursor, limit: PAGE_SIZE } },
          signal,
        }),
      list: listIn<{ data: unknown }>('data'),
      key: (one) => readId<Sheet>(one, 'id'),
      warn,
      signal,
    })
    for await (const sheet of sheets) {
      const sheetId = readId<Sheet>(sheet, 'id')
      if (sheetId !== null) yield { table, sheet, address: { tableId, sheetId } }
    }
  }
}

async function* sheetRuns(
  ctx: TablesContext,
  sheet: SheetAddress,
  name: string | null,
  history: boolean,
  warn: ListingWarn,
  signal: AbortSignal,
): AsyncGenerator<EvalRun<'promptlayer'>> {
  const scorecard = await request(ctx.client, 'GET', SCORECARD, { params: { path: pathOf(sheet) }, signal })
  const latest = readField<TableSheetScorecardGetResponse>(scorecard, 'latest_calculation') ?? null
  const latestId = readString<TableSheetScorecardCalculation>(latest, 'id')
  if (latestId !== null) {
    const raw: PromptLayerTablesRawRun = {
      from: 'tables',
      ...sheet,
      operation: null,
      scorecard,
      calculation: latest as TableSheetScorecardCalculation,
    }
    yield mapTablesRun({ address: { ...sheet, calculationId: latestId }, name, raw, warnings: [] })
  }
  if (!history) return
  const versions = paginate({
    vendor: 'PromptLayer',
    retry: ctx.retry,
    operation: 'GET /api/public/v2/tables/{table_id}/sheets/{sheet_id}/versions',
    entries: 'sheet versions',
    paging: cursorPaging(
      (page) =>
        readString<PublicListPagination>(
          readField<ListTableSheetVersionsResponse>(page, 'pagination'),
          'next_cursor',
        ),
      (page) =>
        readField<PublicListPagination>(
          readField<ListTableSheetVersionsResponse>(page, 'pagination'),
          'has_more',
        ) as boolean | null,
    ),
    read: (cursor) =>
      request(ctx.client, 'GET', `${SHEET}/versions`, {
        params: { path: pathOf(sheet), query: { cursor, limit: PAGE_SIZE, order: 'desc' } },
        signal,
      }),
    list: listIn<ListTableSheetVersionsResponse>('data'),
    key: (version) => readId<TableSheetVersion>(version, 'id'),
    warn,
    signal,
  })
  let unnamed = 0
  for await (const version of versions) {
    // `score` is an untyped object upstream: a version names its calculation there, when it does.
    const calculationId = readString<VersionScore>(
      readField<TableSheetVersion>(version, 'score'),
      'calculation_id',
    )
    if (calculationId === null) {
      unnamed++
      continue
    }
    if (calculationId === latestId) continue
    const number = readNumber<TableSheetVersion>(version, 'version_number')
    const raw: PromptLayerTablesRawRun = {
      from: 'tables',
      ...sheet,
      operation: null,
      scorecard: null,
      calculation: null,
      version: version as TableSheetVersion,
    }
    yield mapTablesRun({
      address: { ...sheet, calculationId },
      name: name === null ? `version ${number ?? '?'}` : `${name} version ${number ?? '?'}`,
      raw,
      warnings: [],
    })
  }
  // Not a cut listing (every version was read), but runs the sheet has that could not be listed: said, not hidden.
  if (unnamed > 0) {
    warn(
      `PromptLayer: ${unnamed} saved version(s) of sheet ${sheet.sheetId} name no calculation in their score; they are not listed as runs.`,
    )
  }
}

/**
 * A Tables run's rows, each joined with its scorecard row (same `row_index`; both listings ascend by it), page by
 * page through the shared paginator: the sheet's rows, and the scoring calculation's rows.
 */
export async function* listTablesItems(
  ctx: TablesContext,
  address: TablesRunAddress,
  warn: ListingWarn,
  signal: AbortSignal,
): AsyncGenerator<EvalItem<'promptlayer'>> {
  const runRef = `promptlayer:${tablesRunId(address)}`
  const scorecard = await request(ctx.client, 'GET', SCORECARD, { params: { path: pathOf(address) }, signal })
  const steps = readField<TableSheetScorecard>(
    readField<TableSheetScorecardGetResponse>(scorecard, 'scorecard'),
    'steps',
  )
  const calculationId =
    'calculationId' in address
      ? address.calculationId
      : (ctx.seen.get(tablesRunId(address)).calculationId ??
        readString<TableSheetScorecardCalculation>(
          readField<TableSheetScorecardGetResponse>(scorecard, 'latest_calculation'),
          'id',
        ))
  let columns: unknown = null
  const rows = paginate({
    vendor: 'PromptLayer',
    retry: ctx.retry,
    operation: 'GET /api/public/v2/tables/{table_id}/sheets/{sheet_id}/rows',
    entries: 'rows',
    paging: cursorPaging((page) => readString<SheetRowsPage>(page, 'next_cursor'), more),
    read: async (cursor) => {
      const page = await request(ctx.client, 'GET', `${SHEET}/rows`, {
        params: {
          path: pathOf(address),
          query: { cursor, limit: PAGE_SIZE, include_columns: cursor === undefined },
        },
        signal,
      })
      if (cursor === undefined) columns = readField<SheetRowsPage>(page, 'columns')
      return page
    },
    list: listIn<{ data: unknown }>('data'),
    key: (row) => String(readNumber<SheetRow>(row, 'row_index')),
    warn,
    signal,
  })
  const verdicts =
    calculationId === null
      ? null
      : paginate({
          vendor: 'PromptLayer',
          retry: ctx.retry,
          operation: 'GET /api/public/v2/tables/{table_id}/sheets/{sheet_id}/scorecard/rows',
          entries: 'scorecard rows',
          paging: cursorPaging((page) => {
            const next = readNumber<ListTableSheetScorecardRowsResponse>(page, 'next_cursor')
            return next === null ? null : String(next)
          }),
          read: (cursor) =>
            request(ctx.client, 'GET', `${SCORECARD}/rows`, {
              params: {
                path: pathOf(address),
                query: {
                  calculation_id: calculationId,
                  limit: PAGE_SIZE,
                  cursor: cursor === undefined ? undefined : Number(cursor),
                },
              },
              signal,
            }),
          list: listIn<ListTableSheetScorecardRowsResponse>('rows'),
          key: (row) => String(readNumber<TableSheetScorecardRowSummary>(row, 'row_index')),
          warn,
          signal,
        })
  const joined = new RowJoin(verdicts)
  for await (const row of rows) {
    const rowIndex = readNumber<SheetRow>(row, 'row_index')
    yield mapTablesItem(row, columns, await joined.rowFor(rowIndex), steps, runRef)
  }
}

/** Reads scorecard rows ahead only as far as the sheet row asked for: both come in ascending `row_index`. */
class RowJoin {
  private readonly ahead = new Map<number, unknown>()
  private last = -1
  private done: boolean

  constructor(private readonly rows: AsyncGenerator<unknown> | null) {
    this.done = rows === null
  }

  async rowFor(rowIndex: number | null): Promise<unknown> {
    if (rowIndex === null) return null
    while (!this.done && this.last < rowIndex) {
      const next = await this.rows!.next()
      if (next.done) this.done = true
      else {
        const index = readNumber<TableSheetScorecardRowSummary>(next.value, 'row_index')
        if (index === null) continue
        this.ahead.set(index, next.value)
        this.last = Math.max(this.last, index)
      }
    }
    const found = this.ahead.get(rowIndex) ?? null
    this.ahead.delete(rowIndex)
    return found
  }
}
