import type { VendorResponse } from '../../http/vendor-app.js'
import type { PromptLayerModel } from './model.js'
import { error } from './operation.js'
import type { TablesRequest } from './tables-handlers.js'
import { calculationStatus, rowsScored, type TablesSheet } from './tables-model.js'
import { calculationView, rowResult, rowSummaryView, scorecardView } from './tables-views.js'

const sheetOf = (model: PromptLayerModel, params: { table_id: string; sheet_id: string }, nowMs: number) => {
  const sheet = model.tables.sheet(params.table_id, params.sheet_id)
  if (sheet) model.tables.advance(sheet, nowMs)
  return sheet
}

const active = (sheet: TablesSheet, nowMs: number) => {
  const latest = sheet.calculations.at(-1)
  return latest && ['queued', 'running'].includes(calculationStatus(latest, nowMs)) ? latest : null
}

export function getScorecard(
  model: PromptLayerModel,
  { params, nowMs }: TablesRequest<'getTableSheetScorecard'>,
): VendorResponse {
  const sheet = sheetOf(model, params, nowMs)
  if (!sheet) return error(404, 'Table or sheet not found')
  const latest = sheet.calculations.at(-1)
  const running = active(sheet, nowMs)
  return {
    status: 200,
    body: {
      success: true,
      scorecard: scorecardView(sheet, nowMs),
      latest_calculation: latest ? calculationView(model.tables, sheet, latest, nowMs) : null,
      progress: running ? { scored_rows: rowsScored(running, nowMs), total_rows: running.rows } : null,
    },
  }
}

/** Queues a calculation of the sheet's current cells; while one is queued or running, that one is the answer. */
export function recalculateScorecard(
  model: PromptLayerModel,
  { params, nowMs }: TablesRequest<'recalculateTableSheetScorecard'>,
): VendorResponse {
  const sheet = sheetOf(model, params, nowMs)
  if (!sheet) return error(404, 'Table or sheet not found')
  const calculation = active(sheet, nowMs) ?? model.tables.addCalculation(sheet, nowMs)
  const status = calculationStatus(calculation, nowMs)
  return {
    status: 202,
    body: {
      success: true,
      calculation_id: calculation.id,
      status: status === 'completed' ? 'queued' : status,
      version: sheet.versions.length,
    },
  }
}

export function getCalculation(
  model: PromptLayerModel,
  { params, nowMs }: TablesRequest<'getTableSheetScorecardCalculation'>,
): VendorResponse {
  const sheet = sheetOf(model, params, nowMs)
  if (!sheet) return error(404, 'Table or sheet not found')
  const calculation = sheet.calculations.find((one) => one.id === params.calculation_id)
  if (!calculation) return error(404, 'Calculation not found')
  return {
    status: 200,
    body: {
      success: true,
      calculation: calculationView(model.tables, sheet, calculation, nowMs),
      criterion_summaries: null,
      drift_summary: null,
    },
  }
}

/** Cancels the queued or running calculation, if any; idempotent. */
export function cancelScorecard(
  model: PromptLayerModel,
  { params, nowMs }: TablesRequest<'cancelTableSheetScorecard'>,
): VendorResponse {
  const sheet = sheetOf(model, params, nowMs)
  if (!sheet) return error(404, 'Table or sheet not found')
  const running = active(sheet, nowMs)
  let cancelled = 0
  if (running) {
    cancelled = running.rows - rowsScored(running, nowMs)
    running.canceledMs = nowMs
  }
  return {
    status: 200,
    body: {
      success: true,
      message: running ? 'Scorecard calculation cancelled' : 'No scorecard work to cancel',
      calculation_id: running?.id ?? null,
      cancelled_count: cancelled,
      execution_ids: [],
      scorecard: { id: sheet.scorecardId },
    },
  }
}

/** Row verdicts of a calculation (the latest by default), rows after the `cursor` row index. */
export function listScorecardRows(
  model: PromptLayerModel,
  { params, query, nowMs }: TablesRequest<'listTableSheetScorecardRows'>,
): VendorResponse {
  const sheet = sheetOf(model, params, nowMs)
  if (!sheet) return error(404, 'Table or sheet not found')
  const calculation =
    query.calculation_id === undefined
      ? sheet.calculations.at(-1)
      : sheet.calculations.find((one) => one.id === query.calculation_id)
  if (!calculation) {
    if (query.calculation_id !== undefined) return error(404, 'Calculation not found')
    return {
      status: 200,
      body: { success: true, calculation_id: null, rows: [], next_cursor: null, verdict_counts: {} },
    }
  }
  const scored = Array.from({ length: rowsScored(calculation, nowMs) }, (_, row) => row)
  const counts: Record<string, number> = {}
  for (const row of scored) {
    const verdict = rowResult(model.tables, calculation, row).verdict
    counts[verdict] = (counts[verdict] ?? 0) + 1
  }
  const matching = scored.filter(
    (row) =>
      (query.cursor === undefined || row > query.cursor) &&
      (query.verdict === undefined || rowResult(model.tables, calculation, row).verdict === query.verdict),
  )
  const limit = query.limit ?? 50
  const page = matching.slice(0, limit)
  return {
    status: 200,
    body: {
      success: true,
      calculation_id: calculation.id,
      rows: page.map((row) => rowSummaryView(model.tables, sheet, calculation, row)),
      next_cursor: matching.length > limit ? page.at(-1)! : null,
      verdict_counts: counts,
    },
  }
}
