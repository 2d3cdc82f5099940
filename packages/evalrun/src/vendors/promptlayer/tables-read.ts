import { EvalrunApiError } from '@evalrun/http'
import {
  type GetTableSheetOperationResponse,
  type GetTableSheetScorecardCalculationResponse,
  type ListTableSheetOperationsResponse,
  type ListTableSheetScorecardRowsResponse,
  type RecalculateTableSheetScorecardResponse,
  request,
  type TableSheetOperation,
  type TableSheetScorecard,
  type TableSheetScorecardCalculation,
  type TableSheetScorecardGetResponse,
  type TableSheetScorecardStaleState,
} from '@evalrun/promptlayer'
import type { EvalRun } from '../../core/model.js'
import { readArray, readField, readString } from '../../core/read-json.js'
import { mapTablesOperationStatus } from './map-tables-operation-status.js'
import { mapTablesRun } from './map-tables-run.js'
import { OPERATION, OPERATIONS, SCORECARD, type SeenOperation, type TablesContext } from './tables-context.js'
import { type SheetAddress, type TablesRunAddress, tablesRunId } from './tables-ref.js'
import type { PromptLayerTablesRawRun } from './types.js'

const isNotFound = (error: unknown) => EvalrunApiError.isInstance(error) && error.status === 404
const pathOf = (sheet: SheetAddress) => ({ table_id: sheet.tableId, sheet_id: sheet.sheetId })

/**
 * A Tables run now. An operation run: the operation while it runs; once it ended, the scorecard calculation that
 * scores it, which this asks PromptLayer for (`scorecard/recalculate`) when the sheet's scorecard is stale or has
 * none (the operation changed the cells it scores). A calculation run: that calculation.
 */
export async function getTablesRun(
  ctx: TablesContext,
  address: TablesRunAddress,
  signal: AbortSignal,
): Promise<EvalRun<'promptlayer'>> {
  const raw: PromptLayerTablesRawRun = {
    from: 'tables',
    tableId: address.tableId,
    sheetId: address.sheetId,
    operation: null,
    scorecard: null,
    calculation: null,
  }
  const warnings: string[] = []
  if ('calculationId' in address) {
    raw.calculation = await readCalculation(ctx, address, address.calculationId, signal)
    await addVerdictCounts(ctx, address, raw, signal)
    return mapTablesRun({ address, name: null, raw, warnings })
  }
  const seen = ctx.seen.get(tablesRunId(address))
  raw.operation = await readOperation(ctx, address, seen, warnings, signal)
  if (raw.operation !== null && mapTablesOperationStatus(raw.operation).status !== 'completed') {
    return mapTablesRun({ address, name: null, raw, warnings })
  }
  raw.scorecard = await request(ctx.client, 'GET', SCORECARD, { params: { path: pathOf(address) }, signal })
  raw.calculation = await scoringCalculation(ctx, address, seen, raw.scorecard, signal)
  await addVerdictCounts(ctx, address, raw, signal)
  return mapTablesRun({ address, name: null, raw, warnings })
}

/**
 * The operation as polled; after a 404 (PromptLayer forgets ended operations), what this adapter last saw of it
 * when that had ended, else its entry among the sheet's active operations, else null: it is no longer active, so
 * it ended, and the run is read from the sheet's scorecard (a warning says so).
 */
async function readOperation(
  ctx: TablesContext,
  address: SheetAddress & { operationId: string },
  seen: SeenOperation,
  warnings: string[],
  signal: AbortSignal,
): Promise<TableSheetOperation | null> {
  try {
    const body = await request(ctx.client, 'GET', OPERATION, {
      params: { path: { ...pathOf(address), operation_id: address.operationId } },
      signal,
    })
    seen.operation = readField<GetTableSheetOperationResponse>(body, 'operation')
    return (seen.operation ?? null) as TableSheetOperation | null
  } catch (error) {
    if (!isNotFound(error)) throw error
    const last = seen.operation === undefined ? null : mapTablesOperationStatus(seen.operation).status
    if (last === 'completed' || last === 'failed' || last === 'canceled') {
      warnings.push(
        'PromptLayer no longer serves this operation (404 after it ended): read from what was last seen of it.',
      )
      return seen.operation as TableSheetOperation
    }
    // The sheet's 404 is the run's: not found.
    const sheet = await request(ctx.client, 'GET', OPERATIONS, { params: { path: pathOf(address) }, signal })
    const active = readArray<ListTableSheetOperationsResponse>(sheet, 'active_operations').find(
      (one) => readString<TableSheetOperation>(one, 'operation_id') === address.operationId,
    )
    if (active !== undefined) return active as TableSheetOperation
    warnings.push(
      "PromptLayer no longer serves this operation (404) and the sheet lists it as inactive: it ended; the run is read from the sheet's scorecard.",
    )
    return null
  }
}

/** The calculation that scores an ended operation: the one asked for before, the latest, or a new one. */
async function scoringCalculation(
  ctx: TablesContext,
  address: SheetAddress,
  seen: SeenOperation,
  scorecard: unknown,
  signal: AbortSignal,
): Promise<TableSheetScorecardCalculation | null> {
  if (seen.calculationId !== undefined) return readCalculation(ctx, address, seen.calculationId, signal)
  const card = readField<TableSheetScorecardGetResponse>(scorecard, 'scorecard')
  if (card === null || card === undefined) return null
  const latest = readField<TableSheetScorecardGetResponse>(scorecard, 'latest_calculation') ?? null
  const staleState = readField<TableSheetScorecard>(card, 'stale_state')
  const stale =
    readField<TableSheetScorecardStaleState>(staleState, 'is_stale') === true ||
    readField<TableSheetScorecard>(card, 'status') === 'stale'
  const latestStatus = readString<TableSheetScorecardCalculation>(latest, 'status')
  if (latest !== null && (latestStatus === 'queued' || latestStatus === 'running' || !stale)) {
    const id = readString<TableSheetScorecardCalculation>(latest, 'id')
    if (id !== null) seen.calculationId = id
    return latest as TableSheetScorecardCalculation
  }
  const queued = await request(ctx.client, 'POST', `${SCORECARD}/recalculate`, {
    params: { path: pathOf(address) },
    body: {},
    signal,
  })
  const id = readString<RecalculateTableSheetScorecardResponse>(queued, 'calculation_id')
  if (id === null) return null
  seen.calculationId = id
  return readCalculation(ctx, address, id, signal)
}

async function readCalculation(
  ctx: TablesContext,
  address: SheetAddress,
  id: string,
  signal: AbortSignal,
): Promise<TableSheetScorecardCalculation | null> {
  const body = await request(ctx.client, 'GET', `${SCORECARD}/calculations/{calculation_id}`, {
    params: { path: { ...pathOf(address), calculation_id: id } },
    signal,
  })
  return (readField<GetTableSheetScorecardCalculationResponse>(body, 'calculation') ??
    null) as TableSheetScorecardCalculation | null
}

/** A completed calculation's row verdict counts, for the pass rate (one short page of its rows). */
async function addVerdictCounts(
  ctx: TablesContext,
  address: SheetAddress,
  raw: PromptLayerTablesRawRun,
  signal: AbortSignal,
): Promise<void> {
  const id = readString<TableSheetScorecardCalculation>(raw.calculation, 'id')
  if (id === null || readString<TableSheetScorecardCalculation>(raw.calculation, 'status') !== 'completed')
    return
  const page = await request(ctx.client, 'GET', `${SCORECARD}/rows`, {
    params: { path: pathOf(address), query: { calculation_id: id, limit: 1 } },
    signal,
  })
  raw.verdictCounts = readField<ListTableSheetScorecardRowsResponse>(page, 'verdict_counts') as Record<
    string,
    number
  >
}
