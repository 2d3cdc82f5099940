import type { BatchRunResults, EvalBatchRunList } from '@evalrun/datalab'
import type { VendorResponse } from '../../http/vendor-app.js'
import { rngFor } from '../../prng.js'
import type { DatalabModel, DatalabRun } from './model.js'
import { type DatalabRequest, datalabErrors, int, invalid, ok } from './operation.js'
import { fileResults, runView } from './views.js'

// Newest first (by `created`, then id), so paging with limit/offset sees each run once while nothing changes.
export function listBatchRuns(
  model: DatalabModel,
  { query, nowMs }: DatalabRequest<'list_batch_runs_api_v1_eval_batch_runs_get'>,
): VendorResponse {
  const limit = int(query.limit ?? 50)
  const offset = int(query.offset ?? 0)
  const collectionId = query.collection_id == null ? null : int(query.collection_id)
  const rubricId = query.eval_rubric_id == null ? null : int(query.eval_rubric_id)
  const pipelineId = query.pipeline_id == null || query.pipeline_id === '' ? null : String(query.pipeline_id)
  const matches = (run: DatalabRun) =>
    (collectionId === null || run.collectionId === collectionId) &&
    (rubricId === null || run.rubricId === rubricId) &&
    (pipelineId === null || run.pipelineId === pipelineId)
  const page = []
  let total = 0
  if (collectionId === null && rubricId === null && pipelineId === null) {
    // No filter: index straight into the page instead of scanning 10,000 runs.
    total = model.runs.length
    for (let j = offset; j < Math.min(total, offset + limit); j++) {
      page.push(runView(model, model.runs[total - 1 - j]!, nowMs))
    }
  } else {
    for (let i = model.runs.length - 1; i >= 0; i--) {
      const run = model.runs[i]!
      if (!matches(run)) continue
      if (total >= offset && page.length < limit) page.push(runView(model, run, nowMs))
      total++
    }
  }
  return ok({ batch_runs: page, total } satisfies EvalBatchRunList)
}

export function startBatchRun(
  model: DatalabModel,
  { body: request, nowMs }: DatalabRequest<'start_batch_run_api_v1_eval_batch_runs_post'>,
): VendorResponse {
  const collection = model.collections.get(request.collection_id)
  if (!collection)
    return invalid({ loc: ['body', 'collection_id'], msg: 'Collection not found', type: 'value_error' })
  const pipelineType = request.pipeline_type ?? 'convert'
  const pipelineId = request.pipeline_id ?? null
  const rubricId = request.eval_rubric_id ?? null
  if (rubricId === null && pipelineId === null) {
    return invalid({
      loc: ['body', 'eval_rubric_id'],
      msg: 'eval_rubric_id is required for standard pipelines',
      type: 'value_error',
    })
  }
  if (rubricId !== null && !model.rubrics.has(rubricId)) {
    return invalid({ loc: ['body', 'eval_rubric_id'], msg: 'Eval rubric not found', type: 'value_error' })
  }
  if (pipelineType === 'extract' && !request.page_schema) {
    return invalid({
      loc: ['body', 'page_schema'],
      msg: 'page_schema is required when pipeline_type=extract',
      type: 'value_error',
    })
  }
  if (pipelineType === 'segment' && !request.segmentation_schema) {
    return invalid({
      loc: ['body', 'segmentation_schema'],
      msg: 'segmentation_schema is required when pipeline_type=segment',
      type: 'value_error',
    })
  }
  if (collection.files.length === 0) {
    return invalid({ loc: ['body', 'collection_id'], msg: 'Collection has no files', type: 'value_error' })
  }
  const id = model.nextRunId()
  const random = rngFor(model.seed, 'datalab', 'started-run', id)
  model.addRun({
    id,
    collectionId: collection.id,
    rubricId,
    pipelineId,
    pipelineType,
    createdMs: nowMs,
    files: collection.files.slice(),
    outcome: random.chance(0.85) ? 'completed' : 'completed_with_errors',
    failAfterItems: null,
    quality: 0.55 + random.float() * 0.4,
  })
  return ok(runView(model, model.runsById.get(id)!, nowMs))
}

export function getBatchRun(
  model: DatalabModel,
  { params, nowMs }: DatalabRequest<'get_batch_run_api_v1_eval_batch_runs__run_id__get'>,
): VendorResponse {
  const run = model.runsById.get(int(params.run_id))
  return run ? ok(runView(model, run, nowMs)) : datalabErrors.notFound('Batch run not found')
}

export function getBatchRunResults(
  model: DatalabModel,
  { params, nowMs }: DatalabRequest<'get_batch_run_results_api_v1_eval_batch_runs__run_id__results_get'>,
): VendorResponse {
  const run = model.runsById.get(int(params.run_id))
  if (!run) return datalabErrors.notFound('Batch run not found')
  return ok({
    batch_run: runView(model, run, nowMs),
    file_results: fileResults(model, run, nowMs),
  } satisfies BatchRunResults)
}
