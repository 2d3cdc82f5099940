import type {
  EvaluationLogPage,
  EvaluationPage,
  EvaluationRunList,
  EvaluationStats,
  RunStats,
} from '@evalrun/humanloop'
import type { VendorResponse } from '../../http/vendor-app.js'
import type { HumanloopModel } from './model.js'
import {
  evaluationOf,
  findVersioned,
  type HumanloopRequest,
  invalid,
  notFound,
  ok,
  resolveEvaluators,
} from './operation.js'
import { evaluationView, evaluatorStats, externalLogView, logView, runView } from './views.js'

// Newest first by created_at, ties by creation order.
export function listEvaluations(
  model: HumanloopModel,
  { query }: HumanloopRequest<'list_evaluations_get'>,
): VendorResponse {
  const page = Number(query.page ?? 1)
  const size = Number(query.size ?? 10)
  const all = [...model.evaluations.values()]
    .filter((evaluation) => evaluation.fileId === String(query.file_id))
    .reverse()
  all.sort((a, b) => b.createdMs - a.createdMs)
  const records = size > 0 ? all.slice((page - 1) * size, page * size) : []
  return ok({
    records: records.map((evaluation) => evaluationView(model, evaluation)),
    page,
    size,
    total: all.length,
  } satisfies EvaluationPage)
}
export function createEvaluation(
  model: HumanloopModel,
  { body, nowMs }: HumanloopRequest<'create_evaluations_post'>,
): VendorResponse {
  const request = body
  if (!request.file || (request.file.id === undefined && request.file.path === undefined)) {
    return invalid({ loc: ['body', 'file'], msg: 'A file (id or path) is required', type: 'missing' })
  }
  const file = findVersioned(model.files.values(), request.file)
  if (!file) return invalid({ loc: ['body', 'file'], msg: 'File not found', type: 'value_error' })
  const evaluators = resolveEvaluators(model, request.evaluators)
  if (!Array.isArray(evaluators)) return evaluators
  const taken = [...model.evaluations.values()].filter((evaluation) => evaluation.fileId === file.id)
  const name = request.name ?? `Evaluation ${taken.length + 1}`
  if (taken.some((evaluation) => evaluation.name === name)) {
    return invalid({
      loc: ['body', 'name'],
      msg: 'An evaluation with this name already exists for the file',
      type: 'value_error',
    })
  }
  const evaluation = model.addEvaluation(name, file.id, nowMs, [])
  evaluation.evaluators = evaluators.map((evaluator, index) => ({
    versionId: evaluator.versionId,
    orchestrated: request.evaluators[index]!.orchestrated ?? true,
    addedMs: nowMs,
  }))
  return ok(evaluationView(model, evaluation), 201)
}
export function getEvaluation(
  model: HumanloopModel,
  { params }: HumanloopRequest<'get_evaluations_id_get'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  return evaluation ? ok(evaluationView(model, evaluation)) : notFound('Evaluation')
}
export function deleteEvaluation(
  model: HumanloopModel,
  { params }: HumanloopRequest<'delete_evaluations_id_delete'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  model.evaluations.delete(evaluation.id)
  return { status: 204 }
}
export function addEvaluators(
  model: HumanloopModel,
  { params, body, nowMs }: HumanloopRequest<'add_evaluators_evaluations_id_evaluators_post'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  const references = body.evaluators
  const evaluators = resolveEvaluators(model, references)
  if (!Array.isArray(evaluators)) return evaluators
  evaluators.forEach((evaluator, index) => {
    if (evaluation.evaluators.some((entry) => entry.versionId === evaluator.versionId)) return
    evaluation.evaluators.push({
      versionId: evaluator.versionId,
      orchestrated: references[index]!.orchestrated ?? true,
      addedMs: nowMs,
    })
  })
  evaluation.updatedMs = nowMs
  return ok(evaluationView(model, evaluation))
}
export function removeEvaluator(
  model: HumanloopModel,
  {
    params,
    nowMs,
  }: HumanloopRequest<'remove_evaluator_evaluations_id_evaluators_evaluator_version_id_delete'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  const index = evaluation.evaluators.findIndex((entry) => entry.versionId === params.evaluator_version_id)
  if (index < 0) return notFound('Evaluator')
  evaluation.evaluators.splice(index, 1)
  evaluation.updatedMs = nowMs
  return ok(evaluationView(model, evaluation))
}

// Unpaginated; newest first.
export function listRuns(
  model: HumanloopModel,
  { params, nowMs }: HumanloopRequest<'list_runs_for_evaluation_evaluations_id_runs_get'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  return ok({
    runs: model.runsOf(evaluation).map((run) => runView(model, run, evaluation, nowMs)),
  } satisfies EvaluationRunList)
}
export function getStats(
  model: HumanloopModel,
  { params, nowMs }: HumanloopRequest<'get_stats_evaluations_id_stats_get'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  const evaluators = evaluation.evaluators.map((entry) => model.evaluators.get(entry.versionId)!)
  const runs = model.runsOf(evaluation)
  const statuses = runs.map((run) => model.status(run, nowMs))
  const status = statuses.includes('running')
    ? 'running'
    : statuses.includes('pending') || statuses.length === 0
      ? 'pending'
      : statuses.every((value) => value === 'cancelled')
        ? 'cancelled'
        : 'completed'
  const runStats = runs.map(
    (run, index) =>
      ({
        run_id: run.id,
        version_id: run.fileId ? model.files.get(run.fileId)!.versionId : null,
        batch_id: null,
        num_logs: model.logCount(run, nowMs),
        evaluator_stats: evaluators.map((evaluator) => evaluatorStats(model, run, evaluator, nowMs)),
        status: statuses[index]!,
      }) satisfies RunStats,
  )
  const expected = runs.reduce((total, run) => total + model.items(run), 0)
  const done = runs.reduce((total, run) => total + model.generatedLogs(run, nowMs), 0)
  return ok({
    run_stats: runStats,
    progress: `${done}/${expected} logs generated across ${runs.length} runs`,
    report: runStats.map((stats) => `${stats.run_id}: ${stats.num_logs} logs, ${stats.status}`).join('\n'),
    status,
  } satisfies EvaluationStats)
}

// Logs of the evaluation's runs (newest run first), each run's logs in the order they were produced.
export function getLogs(
  model: HumanloopModel,
  { params, query, nowMs }: HumanloopRequest<'get_logs_evaluations_id_logs_get'>,
): VendorResponse {
  const evaluation = evaluationOf(model, params)
  if (!evaluation) return notFound('Evaluation')
  const page = Number(query.page ?? 1)
  const size = Number(query.size ?? 10)
  const filter = query.run_id === undefined ? null : new Set([query.run_id].flat().map(String))
  const runs = model.runsOf(evaluation).filter((run) => filter === null || filter.has(run.id))
  const total = runs.reduce((sum, run) => sum + model.logCount(run, nowMs), 0)
  const records = []
  let skip = (page - 1) * size
  for (const run of runs) {
    if (records.length >= size) break
    const generated = model.generatedLogs(run, nowMs)
    const count = generated + run.extraLogIds.length
    if (skip >= count) {
      skip -= count
      continue
    }
    for (let index = skip; index < count && records.length < size; index++) {
      records.push(
        index < generated
          ? logView(model, run, index, evaluation)
          : externalLogView(run, run.extraLogIds[index - generated]!),
      )
    }
    skip = 0
  }
  return ok({ records, page, size, total } satisfies EvaluationLogPage)
}
