import { request, type Sheet, type SheetsPage, type Table, type TablesPage } from '@evalrun/promptlayer'
import { cursorPaging, type ListingWarn, listIn, paginate } from '../../core/paginate.js'
import { readField, readId, readString } from '../../core/read-json.js'
import type { TablesContext } from './tables-context.js'
import type { SheetAddress } from './tables-ref.js'

/** Tables read when listing every sheet: each costs a sheets listing (and, for runs, a scorecard read per sheet). */
export const MAX_TABLES_LISTED = 20
const PAGE_SIZE = 100
const more = (page: unknown) => readField<TablesPage>(page, 'has_more') as boolean | null

export interface ListedSheet {
  address: SheetAddress
  /** `Table / Sheet`, by their titles (their ids where they have none). */
  name: string
  table: unknown
  sheet: unknown
}

/**
 * Every sheet of every table (tables newest first, sheets in their order), through the shared paginator, over at most
 * MAX_TABLES_LISTED tables: a listing cut there says so (`stoppedEarly`), naming what was being listed (`what`).
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
    list: listIn<TablesPage>('data'),
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
      list: listIn<SheetsPage>('data'),
      key: (one) => readId<Sheet>(one, 'id'),
      warn,
      signal,
    })
    for await (const sheet of sheets) {
      const sheetId = readId<Sheet>(sheet, 'id')
      if (sheetId === null) continue
      const name = `${readString<Table>(table, 'title') ?? tableId} / ${readString<Sheet>(sheet, 'title') ?? sheetId}`
      yield { address: { tableId, sheetId }, name, table, sheet }
    }
  }
}
