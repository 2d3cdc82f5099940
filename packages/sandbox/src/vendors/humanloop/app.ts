import type { operations } from '@evalrun/humanloop'
import { bindHandlers, type OperationHandlers } from '../../http/operation-handlers.js'
import type { VendorApp } from '../../http/vendor-app.js'
import {
  addEvaluators,
  createEvaluation,
  deleteEvaluation,
  getEvaluation,
  getLogs,
  getStats,
  listEvaluations,
  listRuns,
  removeEvaluator,
} from './evaluation-handlers.js'
import type { HumanloopModel } from './model.js'
import { humanloopErrors } from './operation.js'
import { addExistingRun, addLogsToRun, createRun, removeRun, updateRun } from './run-handlers.js'
import { seedHumanloop } from './seed.js'

/** Every operation of Humanloop's spec, by operation id. */
const humanloopHandlers: OperationHandlers<operations, HumanloopModel> = {
  list_evaluations_get: listEvaluations,
  create_evaluations_post: createEvaluation,
  get_evaluations_id_get: getEvaluation,
  delete_evaluations_id_delete: deleteEvaluation,
  add_evaluators_evaluations_id_evaluators_post: addEvaluators,
  remove_evaluator_evaluations_id_evaluators_evaluator_version_id_delete: removeEvaluator,
  list_runs_for_evaluation_evaluations_id_runs_get: listRuns,
  create_run_evaluations_id_runs_post: createRun,
  add_existing_run_evaluations_id_runs_run_id_post: addExistingRun,
  remove_run_evaluations_id_runs_run_id_delete: removeRun,
  update_evaluation_run_evaluations_id_runs_run_id_patch: updateRun,
  add_logs_to_run_evaluations_id_runs_run_id_logs_post: addLogsToRun,
  get_stats_evaluations_id_stats_get: getStats,
  get_logs_evaluations_id_logs_get: getLogs,
}

export function createHumanloopApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: HumanloopModel } {
  const model = seedHumanloop(seed, suites, runs, nowMs)
  return {
    vendor: 'humanloop',
    prefix: '/humanloop/v5',
    security: { scheme: 'APIKeyHeader', header: 'x-api-key' },
    handlers: bindHandlers(humanloopHandlers, model),
    errors: humanloopErrors,
    runCount: () => model.runs.size,
    model,
  }
}
