import type {
  EvalLaunchStartEvent,
  ExperimentEvent,
  FetchExperimentEventsResponse,
} from '@evalrun/braintrust'
import type { VendorResponse } from '../../http/vendor-app.js'
import { rngFor } from '../../prng.js'
import type { BraintrustExperiment, BraintrustModel } from './model.js'

/** `GET /v1/experiment`'s default page (the spec's `AppLimitWithDefaultParam`). */
import {
  type BraintrustRequest,
  DEFAULT_FETCH_LIMIT,
  DEFAULT_LIMIT,
  decodeCursor,
  encodeCursor,
  experimentOf,
  launchData,
  MAX_CASES,
  many,
  noExperiment,
  ok,
  page,
  plain,
  REPEAT_CHANCE,
  scorerName,
} from './operation.js'
import { comparisonOf, experimentSummary } from './summary.js'
import { caseTrace, experimentView, projectScores, unscoredRoot } from './views.js'

export function listExperiments(
  model: BraintrustModel,
  { query }: BraintrustRequest<'getExperiment'>,
): VendorResponse {
  const ids = many(query.ids)
  const listed = page(
    model.newestFirst(),
    query,
    (experiment) => {
      const project = model.projects.get(experiment.projectId)
      return (
        (ids === null || ids.includes(experiment.id)) &&
        (query.experiment_name === undefined || experiment.name === query.experiment_name) &&
        (query.project_id === undefined || experiment.projectId === query.project_id) &&
        (query.project_name === undefined || project?.name === query.project_name)
      )
    },
    DEFAULT_LIMIT,
  )
  if (!Array.isArray(listed)) return listed
  return ok({ objects: listed.map((experiment) => experimentView(model, experiment)) })
}

export function getExperiment(
  model: BraintrustModel,
  { params }: BraintrustRequest<'getExperimentId'>,
): VendorResponse {
  const experiment = experimentOf(model, params)
  return experiment ? ok(experimentView(model, experiment)) : noExperiment(params.experiment_id)
}

// Events newest first, one trace (a case's root span and the task's span under it) after another; `limit`
// counts traces. Now and then a later page starts with a row of the page before, in an older version.
export function fetchExperimentEvents(
  model: BraintrustModel,
  { params, body, nowMs }: BraintrustRequest<'postExperimentIdFetch'>,
): VendorResponse {
  const experiment = experimentOf(model, params)
  if (!experiment) return noExperiment(params.experiment_id)
  const request = (body ?? {}) as { limit?: number | null; cursor?: string | null }
  const limit = request.limit ?? DEFAULT_FETCH_LIMIT
  let offset = 0
  if (request.cursor !== undefined && request.cursor !== null) {
    const decoded = decodeCursor(request.cursor, experiment.id)
    if (decoded === null) return plain(400, `cursor: not a cursor of experiment ${experiment.id}`)
    offset = decoded
  }
  return ok(eventsPage(model, experiment, limit, offset, nowMs))
}

/** `limit` traces from `offset`, with the cursor that follows them (the GET form of fetch hands it out too). */
export function eventsPage(
  model: BraintrustModel,
  experiment: BraintrustExperiment,
  limit: number,
  offset: number,
  nowMs: number,
): FetchExperimentEventsResponse {
  const done = model.progress(experiment, nowMs).done
  const events: ExperimentEvent[] = []
  const count = Math.max(0, Math.min(limit, done - offset))
  if (
    count > 0 &&
    offset > 0 &&
    rngFor(model.seed, 'braintrust', 'repeat', experiment.seq, offset).chance(REPEAT_CHANCE)
  ) {
    events.push(unscoredRoot(model, experiment, done - offset))
  }
  for (let position = offset; position < offset + count; position++) {
    events.push(...caseTrace(model, experiment, done - 1 - position))
  }
  // "Not provided if the returned result set is empty."
  return count === 0 ? { events: [] } : { events, cursor: encodeCursor(experiment.id, offset + count) }
}

export function summarizeExperiment(
  model: BraintrustModel,
  { params, query, nowMs }: BraintrustRequest<'getExperimentIdSummarize'>,
): VendorResponse {
  const experiment = experimentOf(model, params)
  if (!experiment) return noExperiment(params.experiment_id)
  const withScores = query.summarize_scores === true
  let asked: BraintrustExperiment | null = null
  if (query.comparison_experiment_id !== undefined) {
    asked = model.experiments.get(String(query.comparison_experiment_id)) ?? null
    if (asked === null)
      return plain(400, `Comparison experiment ${String(query.comparison_experiment_id)} not found`)
  }
  const comparison = withScores ? comparisonOf(model, experiment, asked) : null
  return ok(experimentSummary(model, experiment, nowMs, withScores, comparison))
}

// Runs the eval on the sandbox clock: 2 s before the first case, then a case every 0.5 s. Without `stream` the
// answer waits for the end; with it, a `start` event at once and a `done` event with the summary at the end.
export function launchEval(
  model: BraintrustModel,
  { body, nowMs }: BraintrustRequest<'evalLaunch'>,
): VendorResponse {
  const launch = body
  const project = model.projects.get(launch.project_id)
  if (!project) return plain(400, `Project ${launch.project_id} not found`)
  const data = launchData(model, launch.data)
  if (!('count' in data)) return data
  let baseExpId: string | null = null
  if (launch.base_experiment_id) {
    if (!model.experiments.has(launch.base_experiment_id))
      return plain(400, `Base experiment ${launch.base_experiment_id} not found`)
    baseExpId = launch.base_experiment_id
  } else if (launch.base_experiment_name) {
    const base = model.byName(project.id, launch.base_experiment_name)
    if (!base) return plain(400, `Base experiment ${launch.base_experiment_name} not found`)
    baseExpId = base.id
  }
  const trials = Math.max(1, Math.floor(launch.trial_count ?? 1))
  // A name the project already has gets a suffix, as Braintrust does.
  const wanted = launch.experiment_name
  const name =
    wanted === undefined
      ? model.freshName(project.id, 'evalrun')
      : model.byName(project.id, wanted)
        ? `${wanted}-${rngFor(model.seed, 'braintrust', 'suffix', model.experiments.size).hex(4)}`
        : wanted
  const experiment = model.addExperiment({
    projectId: project.id,
    name,
    createdMs: nowMs,
    items: Math.min(MAX_CASES, data.count * trials),
    quality: 0.5 + rngFor(model.seed, 'braintrust', 'launched', model.experiments.size).float() * 0.45,
    scorers: launch.scores.map(scorerName),
    baseExpId,
    datasetId: data.datasetId,
    rows: data.rows,
    stoppedAtMs: typeof launch.timeout === 'number' ? nowMs + launch.timeout : null,
    branch: 'evalrun',
    model: 'gpt-4o-mini',
  })
  const dueMs = model.endMs(experiment)
  const summary = () =>
    experimentSummary(model, experiment, dueMs, true, comparisonOf(model, experiment, null))
  if (!launch.stream) return { status: 200, deferred: { dueMs, answer: () => ok(summary()) } }
  const view = experimentSummary(model, experiment, nowMs, false, null)
  const started = {
    projectName: project.name,
    experimentName: experiment.name,
    projectId: project.id,
    experimentId: experiment.id,
    projectUrl: view.project_url,
    experimentUrl: view.experiment_url,
  } satisfies EvalLaunchStartEvent
  return {
    status: 200,
    eventStream: {
      events: [{ event: 'start', data: JSON.stringify(started) }],
      atEnd: { dueMs, events: () => [{ event: 'done', data: JSON.stringify(summary()) }] },
    },
  }
}

export function listProjectScores(
  model: BraintrustModel,
  { query }: BraintrustRequest<'getProjectScore'>,
): VendorResponse {
  const scoreTypes = many(query.score_type)
  const ids = many(query.ids)
  const all = [...model.projects.values()]
    .sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq)
    .flatMap((project) => projectScores(model, project).map((score) => ({ project, score, id: score.id })))
  const listed = page(
    all,
    query,
    ({ project, score }) =>
      (ids === null || ids.includes(score.id)) &&
      (query.project_id === undefined || project.id === query.project_id) &&
      (query.project_name === undefined || project.name === query.project_name) &&
      (query.project_score_name === undefined || score.name === query.project_score_name) &&
      (scoreTypes === null || scoreTypes.includes(score.score_type)),
    null,
  )
  if (!Array.isArray(listed)) return listed
  return ok({ objects: listed.map(({ score }) => score) })
}
