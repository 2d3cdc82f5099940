import type { operations } from '@evalrun/datalab'
import { bindHandlers, type OperationHandlers } from '../../http/operation-handlers.js'
import type { VendorApp } from '../../http/vendor-app.js'
import { addFilesToCollection, createCollection, listCollectionFiles } from './collection-handlers.js'
import type { DatalabModel } from './model.js'
import { datalabErrors } from './operation.js'
import {
  createRubricFromFeedback,
  deleteEvalRubric,
  getEvalRubric,
  importRubricFromPipeline,
  listEvalRubrics,
  updateEvalRubric,
} from './rubric-handlers.js'
import { getBatchRun, getBatchRunResults, listBatchRuns, startBatchRun } from './run-handlers.js'
import { seedDatalab } from './seed.js'

/** Every operation of Datalab's spec, by operation id. */
const datalabHandlers: OperationHandlers<operations, DatalabModel> = {
  list_batch_runs_api_v1_eval_batch_runs_get: listBatchRuns,
  start_batch_run_api_v1_eval_batch_runs_post: startBatchRun,
  get_batch_run_api_v1_eval_batch_runs__run_id__get: getBatchRun,
  get_batch_run_results_api_v1_eval_batch_runs__run_id__results_get: getBatchRunResults,
  create_collection_api_v1_collections_post: createCollection,
  add_files_to_collection_api_v1_collections__collection_id__files_post: addFilesToCollection,
  list_collection_files_api_v1_collections__collection_id__files_get: listCollectionFiles,
  list_eval_rubrics_api_v1_eval_rubrics_get: listEvalRubrics,
  get_eval_rubric_api_v1_eval_rubrics__rubric_id__get: getEvalRubric,
  update_eval_rubric_api_v1_eval_rubrics__rubric_id__put: updateEvalRubric,
  delete_eval_rubric_api_v1_eval_rubrics__rubric_id__delete: deleteEvalRubric,
  create_from_feedback_api_v1_eval_rubrics_from_feedback_post: createRubricFromFeedback,
  import_from_pipeline_api_v1_eval_rubrics_import_from_pipeline_post: importRubricFromPipeline,
}

export function createDatalabApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: DatalabModel } {
  const model = seedDatalab(seed, suites, runs, nowMs)
  return {
    vendor: 'datalab',
    prefix: '/datalab',
    security: { scheme: 'APIKeyHeader', header: 'x-api-key' },
    handlers: bindHandlers(datalabHandlers, model),
    errors: datalabErrors,
    runCount: () => model.runs.length,
    model,
  }
}
