import type { operations, TablesOperations } from '@evalrun/promptlayer'
import { bindHandlers, type OperationHandlers } from '../../http/operation-handlers.js'
import type { VendorApp } from '../../http/vendor-app.js'
import { createEvaluationPipeline, getEvaluationRows, listEvaluations } from './evaluation-handlers.js'
import type { PromptLayerModel } from './model.js'
import { promptLayerErrors } from './operation.js'
import { deleteReport, getReport, getReportScore, renameReport, runReport } from './report-handlers.js'
import { seedPromptLayer } from './seed.js'
import {
  getScoreHistory,
  getSheet,
  getTable,
  listRows,
  listSheets,
  listTables,
  listVersions,
} from './tables-handlers.js'
import {
  cancelOperation,
  createOperation,
  getOperation,
  listOperations,
} from './tables-operation-handlers.js'
import {
  cancelScorecard,
  getCalculation,
  getScorecard,
  listScorecardRows,
  recalculateScorecard,
} from './tables-scorecard-handlers.js'
import { seedTables } from './tables-seed.js'

export { promptLayerErrors } from './operation.js'

/** Every operation of PromptLayer's specs (legacy and Tables), by operation id. */
const promptLayerHandlers: OperationHandlers<operations & TablesOperations, PromptLayerModel> = {
  listEvaluations: listEvaluations,
  getEvaluationRows: getEvaluationRows,
  createEvaluationPipeline: createEvaluationPipeline,
  runReport: runReport,
  getReport: getReport,
  deleteReport: deleteReport,
  getReportScore: getReportScore,
  renameReport: renameReport,
  list_tables: listTables,
  get_table: getTable,
  list_table_sheets: listSheets,
  get_table_sheet: getSheet,
  list_table_sheet_rows: listRows,
  listTableSheetOperations: listOperations,
  createTableSheetOperation: createOperation,
  getTableSheetOperationStatus: getOperation,
  cancelTableSheetOperation: cancelOperation,
  getTableSheetScorecard: getScorecard,
  recalculateTableSheetScorecard: recalculateScorecard,
  getTableSheetScorecardCalculation: getCalculation,
  cancelTableSheetScorecard: cancelScorecard,
  listTableSheetScorecardRows: listScorecardRows,
  listTableSheetVersions: listVersions,
  getTableSheetVersionScoreHistory: getScoreHistory,
}

export function createPromptLayerApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: PromptLayerModel } {
  const model = seedPromptLayer(seed, suites, runs, nowMs)
  model.tables = seedTables(seed, nowMs)
  return {
    vendor: 'promptlayer',
    prefix: '/promptlayer',
    security: { scheme: 'ApiKeyAuth', header: 'x-api-key' },
    handlers: bindHandlers(promptLayerHandlers, model),
    errors: promptLayerErrors,
    runCount: () => model.runTotal,
    model,
  }
}
