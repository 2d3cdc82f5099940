import type { TablesOperations } from '@evalrun/promptlayer'
import type { AnswerBody, OperationRequest } from '../../http/operation-handlers.js'
import type { VendorResponse } from '../../http/vendor-app.js'
import type { PromptLayerModel } from './model.js'
import { error } from './operation.js'
import { aggregateOf, cellView, columnView, sheetView, tableView, versionView } from './tables-views.js'

/** What a handler of the Tables operation `Id` is given. */
export type TablesRequest<Id extends keyof TablesOperations> = OperationRequest<TablesOperations[Id]>
type Answer<Id extends keyof TablesOperations, Status extends number = 200> = AnswerBody<
  TablesOperations[Id],
  Status
>

/** One page of `items` from an opaque cursor (the offset, as text), and the cursor of the next page. */
export function cursorPage<T>(items: readonly T[], cursor: unknown, limit: number) {
  const start = cursor === undefined ? 0 : Number(cursor)
  if (!Number.isInteger(start) || start < 0) return null
  const slice = items.slice(start, start + limit)
  const more = start + limit < items.length
  return { slice, more, next: more ? String(start + limit) : null }
}

const badCursor = () => error(400, 'Invalid cursor')

export function listTables(model: PromptLayerModel, { query }: TablesRequest<'list_tables'>): VendorResponse {
  const matching = model.tables.tables.filter(
    (table) => query.name === undefined || table.title.toLowerCase().includes(query.name.toLowerCase()),
  )
  const ordered = query.order === 'asc' ? matching : [...matching].reverse()
  const page = cursorPage(ordered, query.cursor, query.limit ?? 20)
  if (!page) return badCursor()
  return {
    status: 200,
    body: {
      data: page.slice.map(tableView),
      next_cursor: page.next,
      has_more: page.more,
    } satisfies Answer<'list_tables'>,
  }
}

export function getTable(model: PromptLayerModel, { params }: TablesRequest<'get_table'>): VendorResponse {
  const table = model.tables.table(params.table_id)
  if (!table) return error(404, 'Table not found')
  const counts = Object.fromEntries(table.sheets.map((sheet) => [sheet.id, sheet.rows]))
  return {
    status: 200,
    body: {
      success: true,
      table: { ...tableView(table), sheet_row_counts: counts },
    } satisfies Answer<'get_table'>,
  }
}

export function listSheets(
  model: PromptLayerModel,
  { params, query, nowMs }: TablesRequest<'list_table_sheets'>,
): VendorResponse {
  const table = model.tables.table(params.table_id)
  if (!table) return error(404, 'Table not found')
  for (const sheet of table.sheets) model.tables.advance(sheet, nowMs)
  const ordered = query.order === 'desc' ? [...table.sheets].reverse() : table.sheets
  const page = cursorPage(ordered, query.cursor, query.limit ?? 20)
  if (!page) return badCursor()
  return {
    status: 200,
    body: {
      data: page.slice.map(sheetView),
      next_cursor: page.next,
      has_more: page.more,
    } satisfies Answer<'list_table_sheets'>,
  }
}

export function getSheet(
  model: PromptLayerModel,
  { params, nowMs }: TablesRequest<'get_table_sheet'>,
): VendorResponse {
  const sheet = model.tables.sheet(params.table_id, params.sheet_id)
  if (!sheet) return error(404, 'Table or sheet not found')
  model.tables.advance(sheet, nowMs)
  return { status: 200, body: { success: true, sheet: sheetView(sheet) } satisfies Answer<'get_table_sheet'> }
}

export function listRows(
  model: PromptLayerModel,
  { params, query, nowMs }: TablesRequest<'list_table_sheet_rows'>,
): VendorResponse {
  const sheet = model.tables.sheet(params.table_id, params.sheet_id)
  if (!sheet) return error(404, 'Table or sheet not found')
  model.tables.advance(sheet, nowMs)
  const indices = Array.from({ length: sheet.rows }, (_, row) => row)
  const ordered = query.order === 'desc' ? indices.reverse() : indices
  const page = cursorPage(ordered, query.cursor, query.limit ?? 100)
  if (!page) return badCursor()
  const withColumns = query.include_columns ?? query.cursor === undefined
  return {
    status: 200,
    body: {
      data: page.slice.map((row) => ({
        row_index: row,
        cells: Object.fromEntries(
          sheet.columns.map((column, index) => [column.id, cellView(sheet, row, index, nowMs)]),
        ),
      })),
      next_cursor: page.next,
      has_more: page.more,
      ...(query.include_row_count === false ? {} : { row_count: sheet.rows }),
      ...(withColumns ? { columns: sheet.columns.map((_, index) => columnView(sheet, index)) } : {}),
      version: sheet.versions.length,
    } satisfies Answer<'list_table_sheet_rows'>,
  }
}

export function listVersions(
  model: PromptLayerModel,
  { params, query, nowMs }: TablesRequest<'listTableSheetVersions'>,
): VendorResponse {
  const sheet = model.tables.sheet(params.table_id, params.sheet_id)
  if (!sheet) return error(404, 'Table or sheet not found')
  model.tables.advance(sheet, nowMs)
  const indices = sheet.versions.map((_, index) => index)
  const ordered = query.order === 'asc' ? indices : indices.reverse()
  const limit = query.limit ?? 20
  const page = cursorPage(ordered, query.cursor, limit)
  if (!page) return error(400, 'Invalid cursor')
  return {
    status: 200,
    body: {
      success: true,
      data: page.slice.map((index) => versionView(model.tables, sheet, index, nowMs)),
      count: page.slice.length,
      filters: {},
      pagination: { has_more: page.more, next_cursor: page.next, prev_cursor: null, limit },
    } satisfies Answer<'listTableSheetVersions'>,
  }
}

export function getScoreHistory(
  model: PromptLayerModel,
  { params, query, nowMs }: TablesRequest<'getTableSheetVersionScoreHistory'>,
): VendorResponse {
  const sheet = model.tables.sheet(params.table_id, params.sheet_id)
  if (!sheet) return error(404, 'Table or sheet not found')
  model.tables.advance(sheet, nowMs)
  const points = sheet.versions.map((version) => {
    const calculation = sheet.calculations.find((one) => one.id === version.calculationId)!
    const aggregate = aggregateOf(model.tables, calculation, nowMs)
    return {
      version_number: version.number,
      calculation_id: calculation.id,
      aggregate_score: aggregate.score,
      aggregate_verdict: aggregate.verdict,
      created_at: new Date(version.createdMs).toISOString(),
    }
  })
  const maxPoints = query.max_points ?? 1200
  return {
    status: 200,
    body: {
      success: true,
      score_history: {
        points: points.slice(-maxPoints),
        total_points: points.length,
        returned_points: Math.min(points.length, maxPoints),
        resolution: query.resolution ?? 'auto',
        range: query.range ?? 'all',
        max_points: maxPoints,
        is_sampled: false,
      },
    } satisfies Answer<'getTableSheetVersionScoreHistory'>,
  }
}
