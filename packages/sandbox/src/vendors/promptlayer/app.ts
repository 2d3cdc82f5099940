import type { operations } from '@evalrun/promptlayer'
import { bindHandlers, type OperationHandlers } from '../../http/operation-handlers.js'
import type { VendorApp } from '../../http/vendor-app.js'
import { createEvaluationPipeline, getEvaluationRows, listEvaluations } from './evaluation-handlers.js'
import type { PromptLayerModel } from './model.js'
import { promptLayerErrors } from './operation.js'
import { deleteReport, getReport, getReportScore, renameReport, runReport } from './report-handlers.js'
import { seedPromptLayer } from './seed.js'

export { promptLayerErrors } from './operation.js'

/** Every operation of PromptLayer's spec, by operation id. */
const promptLayerHandlers: OperationHandlers<operations, PromptLayerModel> = {
  listEvaluations: listEvaluations,
  getEvaluationRows: getEvaluationRows,
  createEvaluationPipeline: createEvaluationPipeline,
  runReport: runReport,
  getReport: getReport,
  deleteReport: deleteReport,
  getReportScore: getReportScore,
  renameReport: renameReport,
}

export function createPromptLayerApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: PromptLayerModel } {
  const model = seedPromptLayer(seed, suites, runs, nowMs)
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
