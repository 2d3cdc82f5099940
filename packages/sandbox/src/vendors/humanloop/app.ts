import type {
  EvaluationLogPage,
  EvaluationPage,
  EvaluationRunList,
  EvaluationStats,
  RunStats,
} from '@evalrun/humanloop'
import type { Issue, OperationInput, VendorApp, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import { rngFor } from '../../prng.js'
import { fastApiErrors } from '../fastapi-errors.js'
import type { HumanloopEvaluation, HumanloopEvaluator, HumanloopRun } from './model.js'
import { HumanloopModel } from './model.js'

/** Humanloop is a FastAPI app. */
export const humanloopErrors: VendorErrors = fastApiErrors('Could not validate API key')

const ok = (body: unknown, status = 200): VendorResponse => ({ status, body })
const invalid = (...issues: Issue[]) => humanloopErrors.invalid(issues)
const notFound = (what: string) => humanloopErrors.notFound(`${what} not found`)

type Reference = { version_id?: string; id?: string; path?: string; orchestrated?: boolean }

export function createHumanloopApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: HumanloopModel } {
  const model = new HumanloopModel(seed, suites, runs, nowMs)

  const findVersioned = <T extends { id: string; versionId: string; path: string }>(
    items: Iterable<T>,
    reference: Reference,
  ): T | undefined => {
    for (const item of items) {
      if (
        reference.version_id !== undefined
          ? item.versionId === reference.version_id
          : reference.id !== undefined
            ? item.id === reference.id
            : item.path === reference.path
      ) {
        return item
      }
    }
    return undefined
  }
  const resolveEvaluators = (references: Reference[]): HumanloopEvaluator[] | VendorResponse => {
    const found: HumanloopEvaluator[] = []
    for (const [index, reference] of references.entries()) {
      const evaluator = findVersioned(model.evaluators.values(), reference)
      if (!evaluator)
        return invalid({
          loc: ['body', 'evaluators', index],
          msg: 'Evaluator not found',
          type: 'value_error',
        })
      found.push(evaluator)
    }
    return found
  }
  const evaluationOf = (params: Record<string, string>) => model.evaluations.get(params.id ?? '')
  const runIn = (evaluation: HumanloopEvaluation, runId: string | undefined): HumanloopRun | undefined =>
    evaluation.runs.some((entry) => entry.runId === runId) ? model.runs.get(runId ?? '') : undefined

  const handlers: Record<string, (input: OperationInput) => VendorResponse> = {
    // Newest first by created_at, ties by creation order.
    list_evaluations_get: ({ query }) => {
      const page = Number(query.page ?? 1)
      const size = Number(query.size ?? 10)
      const all = [...model.evaluations.values()]
        .filter((evaluation) => evaluation.fileId === String(query.file_id))
        .reverse()
      all.sort((a, b) => b.createdMs - a.createdMs)
      const records = size > 0 ? all.slice((page - 1) * size, page * size) : []
      return ok({
        records: records.map((evaluation) => model.evaluationView(evaluation)),
        page,
        size,
        total: all.length,
      } satisfies EvaluationPage)
    },

    create_evaluations_post: ({ body, nowMs }) => {
      const request = body as {
        evaluators: Reference[]
        file?: { id?: string; path?: string }
        name?: string
      }
      if (!request.file || (request.file.id === undefined && request.file.path === undefined)) {
        return invalid({ loc: ['body', 'file'], msg: 'A file (id or path) is required', type: 'missing' })
      }
      const file = findVersioned(model.files.values(), request.file)
      if (!file) return invalid({ loc: ['body', 'file'], msg: 'File not found', type: 'value_error' })
      const evaluators = resolveEvaluators(request.evaluators)
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
      return ok(model.evaluationView(evaluation), 201)
    },

    get_evaluations_id_get: ({ params }) => {
      const evaluation = evaluationOf(params)
      return evaluation ? ok(model.evaluationView(evaluation)) : notFound('Evaluation')
    },

    delete_evaluations_id_delete: ({ params }) => {
      const evaluation = evaluationOf(params)
      if (!evaluation) return notFound('Evaluation')
      model.evaluations.delete(evaluation.id)
      return { status: 204 }
    },

    add_evaluators_evaluations_id_evaluators_post: ({ params, body, nowMs }) => {
      const evaluation = evaluationOf(params)
      if (!evaluation) return notFound('Evaluation')
      const references = (body as { evaluators: Reference[] }).evaluators
      const evaluators = resolveEvaluators(references)
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
      return ok(model.evaluationView(evaluation))
    },

    remove_evaluator_evaluations_id_evaluators_evaluator_version_id_delete: ({ params, nowMs }) => {
      const evaluation = evaluationOf(params)
      if (!evaluation) return notFound('Evaluation')
      const index = evaluation.evaluators.findIndex(
        (entry) => entry.versionId === params.evaluator_version_id,
      )
      if (index < 0) return notFound('Evaluator')
      evaluation.evaluators.splice(index, 1)
      evaluation.updatedMs = nowMs
      return ok(model.evaluationView(evaluation))
    },

    // Unpaginated; newest first.
    list_runs_for_evaluation_evaluations_id_runs_get: ({ params, nowMs }) => {
      const evaluation = evaluationOf(params)
      if (!evaluation) return notFound('Evaluation')
      return ok({
        runs: model.runsOf(evaluation).map((run) => model.runView(run, evaluation, nowMs)),
      } satisfies EvaluationRunList)
    },

    create_run_evaluations_id_runs_post: ({ params, body, nowMs }) => {
      const evaluation = evaluationOf(params)
      if (!evaluation) return notFound('Evaluation')
      const request = (body ?? {}) as {
        dataset?: Reference
        version?: Reference
        orchestrated?: boolean
        use_existing_logs?: boolean
      }
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
            rngFor(seed, 'humanloop', 'started-run', evaluation.id, evaluation.runs.length).float() * 0.45,
        },
        evaluation,
      )
      evaluation.runs.push({ runId: run.id, addedMs: nowMs })
      evaluation.updatedMs = nowMs
      return ok(model.runView(run, evaluation, nowMs))
    },

    add_existing_run_evaluations_id_runs_run_id_post: ({ params, nowMs }) => {
      const evaluation = evaluationOf(params)
      if (!evaluation) return notFound('Evaluation')
      const run = model.runs.get(params.run_id ?? '')
      if (!run) return notFound('Run')
      if (!evaluation.runs.some((entry) => entry.runId === run.id))
        evaluation.runs.push({ runId: run.id, addedMs: nowMs })
      return ok(model.runView(run, evaluation, nowMs))
    },

    remove_run_evaluations_id_runs_run_id_delete: ({ params }) => {
      const evaluation = evaluationOf(params)
      if (!evaluation) return notFound('Evaluation')
      const index = evaluation.runs.findIndex((entry) => entry.runId === params.run_id)
      if (index < 0) return notFound('Run')
      evaluation.runs.splice(index, 1)
      if (evaluation.controlRunId === params.run_id) evaluation.controlRunId = null
      return { status: 204 }
    },

    // Only `cancelled` or `completed`, and only while the run is pending or running; otherwise 422.
    update_evaluation_run_evaluations_id_runs_run_id_patch: ({ params, body, nowMs }) => {
      const evaluation = evaluationOf(params)
      if (!evaluation) return notFound('Evaluation')
      const run = runIn(evaluation, params.run_id)
      if (!run) return notFound('Run')
      const request = body as { control?: boolean; status?: string }
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
      return ok(model.runView(run, evaluation, nowMs))
    },

    add_logs_to_run_evaluations_id_runs_run_id_logs_post: ({ params, body, nowMs }) => {
      const evaluation = evaluationOf(params)
      if (!evaluation) return notFound('Evaluation')
      const run = runIn(evaluation, params.run_id)
      if (!run) return notFound('Run')
      for (const logId of (body as { log_ids: string[] }).log_ids) {
        if (!run.extraLogIds.includes(logId)) run.extraLogIds.push(logId)
      }
      return ok(model.runView(run, evaluation, nowMs))
    },

    get_stats_evaluations_id_stats_get: ({ params, nowMs }) => {
      const evaluation = evaluationOf(params)
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
            evaluator_stats: evaluators.map((evaluator) => model.evaluatorStats(run, evaluator, nowMs)),
            status: statuses[index]!,
          }) satisfies RunStats,
      )
      const expected = runs.reduce((total, run) => total + model.items(run), 0)
      const done = runs.reduce((total, run) => total + model.generatedLogs(run, nowMs), 0)
      return ok({
        run_stats: runStats,
        progress: `${done}/${expected} logs generated across ${runs.length} runs`,
        report: runStats
          .map((stats) => `${stats.run_id}: ${stats.num_logs} logs, ${stats.status}`)
          .join('\n'),
        status,
      } satisfies EvaluationStats)
    },

    // Logs of the evaluation's runs (newest run first), each run's logs in the order they were produced.
    get_logs_evaluations_id_logs_get: ({ params, query, nowMs }) => {
      const evaluation = evaluationOf(params)
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
              ? model.logView(run, index, evaluation)
              : model.externalLogView(run, run.extraLogIds[index - generated]!),
          )
        }
        skip = 0
      }
      return ok({ records, page, size, total } satisfies EvaluationLogPage)
    },
  }

  return {
    vendor: 'humanloop',
    prefix: '/humanloop/v5',
    security: { scheme: 'APIKeyHeader', header: 'x-api-key' },
    handlers,
    errors: humanloopErrors,
    runCount: () => model.runs.size,
    model,
  }
}
