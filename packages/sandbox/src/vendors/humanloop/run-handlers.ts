import type { VendorResponse } from '../../http/vendor-app.js'
import { rngFor } from '../../prng.js'
import type { HumanloopModel } from './model.js'
import {
  evaluationOf,
  findVersioned,
  type HumanloopRequest,
  invalid,
  notFound,
  ok,
  runIn,
} from './operation.js'
import { runView } from './views.js'

export function createRun(
  model: HumanloopModel,
  { params, body, nowMs }: HumanloopRequest<'create_run_evaluations_id_runs_post'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  const request = body ?? {}
  const orchestrated = request.orchestrated ?? true
  if ((orchestrated || request.use_existing_logs) && (!request.dataset || !request.version)) {
    return invalid({
      loc: ['body', request.dataset ? 'version' : 'dataset'],
      msg: orchestrated
        ? 'orchestrated runs need both dataset and version'
        : 'use_existing_logs needs both dataset and version',
      type: 'value_error',
    })
  }
  const dataset = request.dataset ? findVersioned(model.datasets.values(), request.dataset) : undefined
  if (request.dataset && !dataset) return notFound('Dataset')
  const file = request.version ? findVersioned(model.files.values(), request.version) : undefined
  if (request.version && !file) return notFound('Version')
  const run = model.addRun(
    {
      datasetId: dataset?.id ?? null,
      fileId: file?.id ?? null,
      orchestrated,
      createdMs: nowMs,
      quality:
        0.5 +
        rngFor(model.seed, 'humanloop', 'started-run', evaluation.id, evaluation.runs.length).float() * 0.45,
    },
    evaluation,
  )
  evaluation.runs.push({ runId: run.id, addedMs: nowMs })
  evaluation.updatedMs = nowMs
  return ok(runView(model, run, evaluation, nowMs))
}

export function addExistingRun(
  model: HumanloopModel,
  { params, nowMs }: HumanloopRequest<'add_existing_run_evaluations_id_runs_run_id_post'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  const run = model.runs.get(params.run_id ?? '')
  if (!run) return notFound('Run')
  if (!evaluation.runs.some((entry) => entry.runId === run.id))
    evaluation.runs.push({ runId: run.id, addedMs: nowMs })
  return ok(runView(model, run, evaluation, nowMs))
}

export function removeRun(
  model: HumanloopModel,
  { params }: HumanloopRequest<'remove_run_evaluations_id_runs_run_id_delete'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  const index = evaluation.runs.findIndex((entry) => entry.runId === params.run_id)
  if (index < 0) return notFound('Run')
  evaluation.runs.splice(index, 1)
  if (evaluation.controlRunId === params.run_id) evaluation.controlRunId = null
  return { status: 204 }
}

// Only `cancelled` or `completed`, and only while the run is pending or running; otherwise 422.
export function updateRun(
  model: HumanloopModel,
  { params, body, nowMs }: HumanloopRequest<'update_evaluation_run_evaluations_id_runs_run_id_patch'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  const run = runIn(model, evaluation, params.run_id)
  if (!run) return notFound('Run')
  const request = body
  if (request.status !== undefined) {
    if (request.status !== 'cancelled' && request.status !== 'completed') {
      return invalid({
        loc: ['body', 'status'],
        msg: "status can only be set to 'cancelled' or 'completed'",
        type: 'value_error',
      })
    }
    const current = model.status(run, nowMs)
    if (current !== 'pending' && current !== 'running') {
      return invalid({ loc: ['body', 'status'], msg: `Run is already ${current}`, type: 'value_error' })
    }
    run.stoppedAtMs = nowMs
    run.stoppedAs = request.status
  }
  if (request.control === true) evaluation.controlRunId = run.id
  else if (request.control === false && evaluation.controlRunId === run.id) evaluation.controlRunId = null
  return ok(runView(model, run, evaluation, nowMs))
}

export function addLogsToRun(
  model: HumanloopModel,
  { params, body, nowMs }: HumanloopRequest<'add_logs_to_run_evaluations_id_runs_run_id_logs_post'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  const run = runIn(model, evaluation, params.run_id)
  if (!run) return notFound('Run')
  for (const logId of body.log_ids) {
    if (!run.extraLogIds.includes(logId)) run.extraLogIds.push(logId)
  }
  return ok(runView(model, run, evaluation, nowMs))
}
