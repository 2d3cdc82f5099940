import type { VendorResponse } from '../../http/vendor-app.js'
import { hashKey } from '../../prng.js'
import type { PromptLayerModel } from './model.js'
import { error } from './operation.js'
import type { TablesRequest } from './tables-handlers.js'
import {
  CONFIRMATION_THRESHOLD,
  cellsDone,
  FORGET_MS,
  operationEndMs,
  STATUS_LAG_MS,
  type TablesOperation,
  type TablesSheet,
} from './tables-model.js'
import { operationView } from './tables-views.js'

const sheetPath = (sheet: TablesSheet) => `/api/public/v2/tables/${sheet.tableId}/sheets/${sheet.id}`

/** The token that confirms one selection of cells on one revision of a sheet. */
const confirmationToken = (sheet: TablesSheet, cells: TablesOperation['cells']) =>
  `confirm-${hashKey(sheet.id, sheet.revision, cells.map((cell) => `${cell.row}/${cell.columnId}`).join(','))}`

/**
 * Queues a recalculation of the selected computed cells (stale ones by default). Answers 202 when queued, 200 with
 * `cell_count: 0` when nothing matched, and 200 `requires_confirmation` above CONFIRMATION_THRESHOLD cells until
 * the request carries the token.
 */
export function createOperation(
  model: PromptLayerModel,
  { params, body, nowMs }: TablesRequest<'createTableSheetOperation'>,
): VendorResponse {
  const sheet = model.tables.sheet(params.table_id, params.sheet_id)
  if (!sheet) return error(404, 'Table or sheet not found')
  model.tables.advance(sheet, nowMs)
  const computed = sheet.columns.filter((column) => column.type !== 'TEXT')
  for (const id of body.column_ids ?? []) {
    const column = sheet.columns.find((one) => one.id === id)
    if (!column) return error(404, `Column ${id} not found`)
    if (column.type === 'TEXT') return error(400, 'Text columns cannot be recalculated')
  }
  const columns = body.column_ids
    ? computed.filter((column) => body.column_ids!.includes(column.id))
    : computed
  const rows = body.row_ids ?? Array.from({ length: sheet.rows }, (_, row) => row)
  if (rows.some((row) => row >= sheet.rows)) return error(400, 'row_ids out of range')
  const everyStatus = body.statuses !== undefined && body.statuses !== null && body.statuses.length === 0
  const onlyStale = body.statuses === undefined || body.statuses === null || body.statuses.includes('STALE')
  const cells = rows
    .filter((row) => everyStatus || (onlyStale && sheet.staleRows.has(row)))
    .flatMap((row) => columns.map((column) => ({ row, columnId: column.id })))
  if (cells.length === 0) {
    return { status: 200, body: { success: true, cell_count: 0, cells: [], virtual_cell_count: 0 } }
  }
  const token = confirmationToken(sheet, cells)
  if (cells.length > CONFIRMATION_THRESHOLD && body.confirmation_token !== token) {
    return {
      status: 200,
      body: {
        success: false,
        requires_confirmation: true,
        confirmation_token: token,
        affected_cell_count: cells.length,
        message: `This recalculation affects ${cells.length} cells; send the confirmation_token to proceed.`,
      },
    }
  }
  const operation: TablesOperation = {
    id: model.tables.nextId('operation'),
    createdMs: nowMs,
    cells,
    canceledMs: null,
    applied: false,
  }
  sheet.operations.push(operation)
  const view = operationView(operation, sheetPath(sheet), nowMs)
  return {
    status: 202,
    body: {
      success: true,
      operation: 'recalculate',
      operation_id: operation.id,
      status_url: view.status_url,
      execution_id: operation.id,
      execution_ids: [operation.id],
      cell_count: cells.length,
      cells: [],
      virtual_cell_count: 0,
      version: sheet.versions.length,
    },
  }
}

/** An operation, or null once it is forgotten (FORGET_MS after it ended), as PromptLayer forgets them. */
function operationOf(sheet: TablesSheet, id: unknown, nowMs: number): TablesOperation | null {
  const operation = sheet.operations.find((one) => one.id === id)
  if (!operation) return null
  const ended = operation.canceledMs ?? operationEndMs(operation) + STATUS_LAG_MS
  return nowMs > ended + FORGET_MS ? null : operation
}

export function getOperation(
  model: PromptLayerModel,
  { params, nowMs }: TablesRequest<'getTableSheetOperationStatus'>,
): VendorResponse {
  const sheet = model.tables.sheet(params.table_id, params.sheet_id)
  if (!sheet) return error(404, 'Table or sheet not found')
  model.tables.advance(sheet, nowMs)
  const operation = operationOf(sheet, params.operation_id, nowMs)
  if (!operation) return error(404, 'Operation not found')
  return {
    status: 200,
    body: { success: true, operation: operationView(operation, sheetPath(sheet), nowMs) },
  }
}

export function listOperations(
  model: PromptLayerModel,
  { params, nowMs }: TablesRequest<'listTableSheetOperations'>,
): VendorResponse {
  const sheet = model.tables.sheet(params.table_id, params.sheet_id)
  if (!sheet) return error(404, 'Table or sheet not found')
  model.tables.advance(sheet, nowMs)
  const active = sheet.operations
    .filter((operation) => operation.canceledMs === null && operationEndMs(operation) > nowMs)
    .map((operation) => operationView(operation, sheetPath(sheet), nowMs))
  const pending = active.reduce((sum, operation) => sum + operation.pending_count, 0)
  const computed = sheet.columns.filter((column) => column.type !== 'TEXT').length
  const total = sheet.rows * computed
  const stale = Math.max(0, sheet.staleRows.size * computed - pending)
  return {
    status: 200,
    body: {
      success: true,
      sheet_id: sheet.id,
      active_operations: active,
      pending_count: pending,
      total_cells: total,
      status_counts: { COMPLETED: total - stale - pending, STALE: stale, QUEUED: pending },
      version: sheet.versions.length,
    },
  }
}

/** Cancels what has not run yet; idempotent (a second cancel cancels 0 cells). */
export function cancelOperation(
  model: PromptLayerModel,
  { params, nowMs }: TablesRequest<'cancelTableSheetOperation'>,
): VendorResponse {
  const sheet = model.tables.sheet(params.table_id, params.sheet_id)
  if (!sheet) return error(404, 'Table or sheet not found')
  model.tables.advance(sheet, nowMs)
  const operation = operationOf(sheet, params.operation_id, nowMs)
  if (!operation) return error(404, 'Operation not found')
  let cancelled = 0
  if (operation.canceledMs === null && operationEndMs(operation) > nowMs) {
    cancelled = operation.cells.length - cellsDone(operation, nowMs)
    operation.canceledMs = nowMs
  }
  return {
    status: 200,
    body: {
      success: true,
      message: cancelled > 0 ? `Cancelled ${cancelled} cells` : 'Nothing left to cancel',
      operation_id: operation.id,
      execution_ids: [operation.id],
      cancelled_cell_count: cancelled,
    },
  }
}
