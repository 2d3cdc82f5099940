import type { VendorResponse } from '../../http/vendor-app.js'
import { rngFor } from '../../prng.js'
import type { OpenAIModel } from './model.js'
import {
  cursorPage,
  evalOf,
  isPage,
  noEval,
  noRun,
  type OpenAIRequest,
  ok,
  openaiError,
  rowsOf,
  runOf,
} from './operation.js'
import { evalView, itemOutcome, outputItemId, outputItemIndex, outputItemView, runView } from './views.js'

// Evals are never updated in the sandbox, so `order_by: updated_at` orders as created_at does.
export function listEvals(model: OpenAIModel, { query }: OpenAIRequest<'listEvals'>): VendorResponse {
  const all = [...model.evals.values()].sort((a, b) => a.createdMs - b.createdMs || a.seq - b.seq)
  const listed = cursorPage(all, (evaluation) => evaluation.id, query)
  if (!isPage(listed)) return listed
  return ok({ ...listed.body, data: listed.page.map((evaluation) => evalView(evaluation)) })
}

export function getEval(model: OpenAIModel, { params }: OpenAIRequest<'getEval'>): VendorResponse {
  const evaluation = evalOf(model, params)
  return evaluation ? ok(evalView(evaluation)) : noEval(params)
}

export function getEvalRuns(
  model: OpenAIModel,
  { params, query, nowMs }: OpenAIRequest<'getEvalRuns'>,
): VendorResponse {
  const evaluation = evalOf(model, params)
  if (!evaluation) return noEval(params)
  const status = query.status === undefined ? null : String(query.status)
  const listed = cursorPage(
    model.runsOf(evaluation),
    (run) => run.id,
    query,
    (run) => status === null || model.status(run, nowMs) === status,
  )
  if (!isPage(listed)) return listed
  return ok({ ...listed.body, data: listed.page.map((run) => runView(model, run, nowMs)) })
}

export function createEvalRun(
  model: OpenAIModel,
  { params, body, nowMs }: OpenAIRequest<'createEvalRun'>,
): VendorResponse {
  const evaluation = evalOf(model, params)
  if (!evaluation) return noEval(params)
  const request = body
  const found = rowsOf(request.data_source, model.files)
  if (!('items' in found)) return found
  const runModel =
    'model' in request.data_source && request.data_source.model ? request.data_source.model : 'gpt-4o-mini'
  const count = model.runsOf(evaluation).length
  const run = model.addRun({
    evalId: evaluation.id,
    name: request.name ?? `${runModel} run ${count + 1}`,
    model: runModel,
    createdMs: nowMs,
    dataSource: request.data_source,
    rows: found.rows,
    file: found.file,
    items: found.items,
    quality: 0.5 + rngFor(model.seed, 'openai', 'started-run', evaluation.id, count).float() * 0.45,
    metadata: request.metadata ?? {},
  })
  return ok(runView(model, run, nowMs), 201)
}

export function getEvalRun(
  model: OpenAIModel,
  { params, nowMs }: OpenAIRequest<'getEvalRun'>,
): VendorResponse {
  if (!evalOf(model, params)) return noEval(params)
  const run = runOf(model, params)
  return run ? ok(runView(model, run, nowMs)) : noRun(params)
}

// Only a queued or in-progress run can be canceled; a finished one is a 400.
export function cancelEvalRun(
  model: OpenAIModel,
  { params, nowMs }: OpenAIRequest<'cancelEvalRun'>,
): VendorResponse {
  if (!evalOf(model, params)) return noEval(params)
  const run = runOf(model, params)
  if (!run) return noRun(params)
  const status = model.status(run, nowMs)
  if (status !== 'queued' && status !== 'in_progress') {
    return openaiError(400, `Run ${run.id} is ${status} and cannot be canceled.`, {
      code: 'run_not_cancelable',
    })
  }
  run.canceledAtMs = nowMs
  return ok(runView(model, run, nowMs))
}

// The items finished so far, in the order they finished (asc) or the reverse.
export function getEvalRunOutputItems(
  model: OpenAIModel,
  { params, query, nowMs }: OpenAIRequest<'getEvalRunOutputItems'>,
): VendorResponse {
  if (!evalOf(model, params)) return noEval(params)
  const run = runOf(model, params)
  if (!run) return noRun(params)
  const indexes = Array.from({ length: model.progress(run, nowMs).done }, (_, index) => index)
  const status = query.status === undefined ? null : String(query.status)
  const listed = cursorPage(
    indexes,
    (index) => outputItemId(model, run, index),
    query,
    (index) => status === null || itemOutcome(model, run, index).status === status,
  )
  if (!isPage(listed)) return listed
  return ok({ ...listed.body, data: listed.page.map((index) => outputItemView(model, run, index)) })
}

export function getEvalRunOutputItem(
  model: OpenAIModel,
  { params, nowMs }: OpenAIRequest<'getEvalRunOutputItem'>,
): VendorResponse {
  if (!evalOf(model, params)) return noEval(params)
  const run = runOf(model, params)
  if (!run) return noRun(params)
  const index = outputItemIndex(model, run, params.output_item_id ?? '', nowMs)
  return index === null
    ? openaiError(404, `Output item with id '${params.output_item_id}' not found.`, {
        param: 'output_item_id',
      })
    : ok(outputItemView(model, run, index))
}
