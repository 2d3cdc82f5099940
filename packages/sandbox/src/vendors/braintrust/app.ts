import type {
  EvalLaunchRequest,
  EvalLaunchStartEvent,
  ExperimentEvent,
  FetchExperimentEventsResponse,
  FunctionId,
} from '@evalrun/braintrust'
import type { Issue, OperationInput, VendorApp, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import { rngFor } from '../../prng.js'
import { type BraintrustExperiment, BraintrustModel } from './model.js'

/** `GET /v1/experiment`'s default page (the spec's `AppLimitWithDefaultParam`). */
const DEFAULT_LIMIT = 1_000
/** Traces per event page when the request names no limit. */
const DEFAULT_FETCH_LIMIT = 100
/** Cases one launched eval may have (rows × trials). */
const MAX_CASES = 1_000
/** How often a later event page repeats a row of the page before, in an older version (the spec warns of it). */
const REPEAT_CHANCE = 0.4

/** Braintrust's error bodies are plain text (its spec also allows untyped JSON). */
const plain = (status: number, message: string): VendorResponse => ({ status, text: message })

const where = (loc: Issue['loc']): string => {
  const rest = loc[0] === 'body' || loc[0] === 'query' || loc[0] === 'path' ? loc.slice(1) : loc
  return rest.length > 0 ? rest.join('.') : 'body'
}

export const braintrustErrors: VendorErrors = {
  unauthorized: () => plain(401, 'Invalid API key: pass it as Authorization: Bearer <key>'),
  notFound: (message) => plain(404, message),
  invalid: (issues) => plain(400, issues.map((issue) => `${where(issue.loc)}: ${issue.msg}`).join('; ')),
  malformedJson: (message) => plain(400, `Invalid JSON body: ${message}`),
  generic: (status, message) => plain(status, message),
}

const ok = (body: unknown): VendorResponse => ({ status: 200, body })

/** A list cursor or filter that may come once or repeated (`ids=a&ids=b`). */
const many = (value: unknown): string[] | null =>
  value === undefined ? null : (Array.isArray(value) ? value : [value]).map(String)

/** The event cursor: opaque to clients, it carries the experiment and the number of traces read so far. */
const encodeCursor = (experimentId: string, offset: number) =>
  Buffer.from(`${experimentId}:${offset}`).toString('base64url')

function decodeCursor(cursor: string, experimentId: string): number | null {
  const [id, offset] = Buffer.from(cursor, 'base64url').toString('utf8').split(':')
  const parsed = Number(offset)
  return id === experimentId && Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : null
}

/** A scorer's name from how `POST /v1/eval` names its function. */
function scorerName(scorer: FunctionId, index: number): string {
  const fields = scorer as Record<string, unknown>
  for (const key of ['global_function', 'slug', 'name']) {
    if (typeof fields[key] === 'string' && fields[key] !== '') return fields[key] as string
  }
  return typeof fields.function_id === 'string'
    ? `scorer-${fields.function_id.slice(0, 8)}`
    : `scorer-${index + 1}`
}

export function createBraintrustApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: BraintrustModel } {
  const model = new BraintrustModel(seed, suites, runs, nowMs)
  const noExperiment = (id: string | undefined) => plain(404, `Experiment ${id} not found`)

  /** A page of `items` (newest first) after `starting_after` or before `ending_before`, kept by `keep`. */
  function page<T extends { id: string }>(
    items: readonly T[],
    query: Record<string, unknown>,
    keep: (item: T) => boolean,
    defaultLimit: number | null,
  ): T[] | VendorResponse {
    const after = query.starting_after === undefined ? null : String(query.starting_after)
    const before = query.ending_before === undefined ? null : String(query.ending_before)
    if (after !== null && before !== null) {
      return plain(400, 'Only one of starting_after and ending_before may be given')
    }
    const limit = query.limit === undefined || query.limit === null ? defaultLimit : Number(query.limit)
    const cursor = after ?? before
    const position = cursor === null ? -1 : items.findIndex((item) => item.id === cursor)
    if (cursor !== null && position < 0) return plain(400, `No object with id ${cursor} to page from`)
    const taken: T[] = []
    if (before !== null) {
      for (let index = position - 1; index >= 0 && (limit === null || taken.length < limit); index--) {
        if (keep(items[index]!)) taken.unshift(items[index]!)
      }
      return taken
    }
    for (
      let index = position + 1;
      index < items.length && (limit === null || taken.length < limit);
      index++
    ) {
      if (keep(items[index]!)) taken.push(items[index]!)
    }
    return taken
  }

  const experimentOf = (params: Record<string, string>) => model.experiments.get(params.experiment_id ?? '')

  /** The launched eval's data: its cases and where they come from, or the error to answer. */
  function launchData(
    data: EvalLaunchRequest['data'],
  ): { rows: unknown[] | null; datasetId: string | null; count: number } | VendorResponse {
    if ('dataset_id' in data) {
      const dataset = model.datasets.get(data.dataset_id)
      return dataset
        ? { rows: null, datasetId: dataset.id, count: dataset.rows }
        : plain(400, `Dataset ${data.dataset_id} not found`)
    }
    if ('dataset_name' in data) {
      const dataset = [...model.datasets.values()].find(
        (candidate) =>
          candidate.name === data.dataset_name &&
          model.projects.get(candidate.projectId)?.name === data.project_name,
      )
      return dataset
        ? { rows: null, datasetId: dataset.id, count: dataset.rows }
        : plain(400, `Dataset ${data.dataset_name} not found in project ${data.project_name}`)
    }
    return { rows: data.data, datasetId: null, count: data.data.length }
  }

  const handlers: Record<string, (input: OperationInput) => VendorResponse> = {
    getExperiment: ({ query }) => {
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
      return ok({ objects: listed.map((experiment) => model.experimentView(experiment)) })
    },

    getExperimentId: ({ params }) => {
      const experiment = experimentOf(params)
      return experiment ? ok(model.experimentView(experiment)) : noExperiment(params.experiment_id)
    },

    // Events newest first, one trace (a case's root span and the task's span under it) after another; `limit`
    // counts traces. Now and then a later page starts with a row of the page before, in an older version.
    postExperimentIdFetch: ({ params, body, nowMs }) => {
      const experiment = experimentOf(params)
      if (!experiment) return noExperiment(params.experiment_id)
      const request = (body ?? {}) as { limit?: number | null; cursor?: string | null }
      const limit = request.limit ?? DEFAULT_FETCH_LIMIT
      let offset = 0
      if (request.cursor !== undefined && request.cursor !== null) {
        const decoded = decodeCursor(request.cursor, experiment.id)
        if (decoded === null) return plain(400, `cursor: not a cursor of experiment ${experiment.id}`)
        offset = decoded
      }
      const done = model.progress(experiment, nowMs).done
      const events: ExperimentEvent[] = []
      const count = Math.max(0, Math.min(limit, done - offset))
      if (
        count > 0 &&
        offset > 0 &&
        rngFor(seed, 'braintrust', 'repeat', experiment.seq, offset).chance(REPEAT_CHANCE)
      ) {
        events.push(model.unscoredRoot(experiment, done - offset))
      }
      for (let position = offset; position < offset + count; position++) {
        events.push(...model.trace(experiment, done - 1 - position))
      }
      // "Not provided if the returned result set is empty."
      const answer: FetchExperimentEventsResponse =
        count === 0 ? { events: [] } : { events, cursor: encodeCursor(experiment.id, offset + count) }
      return ok(answer)
    },

    getExperimentIdSummarize: ({ params, query, nowMs }) => {
      const experiment = experimentOf(params)
      if (!experiment) return noExperiment(params.experiment_id)
      const withScores = query.summarize_scores === true
      let asked: BraintrustExperiment | null = null
      if (query.comparison_experiment_id !== undefined) {
        asked = model.experiments.get(String(query.comparison_experiment_id)) ?? null
        if (asked === null)
          return plain(400, `Comparison experiment ${String(query.comparison_experiment_id)} not found`)
      }
      const comparison = withScores ? model.comparisonOf(experiment, asked) : null
      return ok(model.summary(experiment, nowMs, withScores, comparison))
    },

    // Runs the eval on the sandbox clock: 2 s before the first case, then a case every 0.5 s. Without `stream` the
    // answer waits for the end; with it, a `start` event at once and a `done` event with the summary at the end.
    evalLaunch: ({ body, nowMs }) => {
      const launch = body as EvalLaunchRequest
      const project = model.projects.get(launch.project_id)
      if (!project) return plain(400, `Project ${launch.project_id} not found`)
      const data = launchData(launch.data)
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
            ? `${wanted}-${rngFor(seed, 'braintrust', 'suffix', model.experiments.size).hex(4)}`
            : wanted
      const experiment = model.addExperiment({
        projectId: project.id,
        name,
        createdMs: nowMs,
        items: Math.min(MAX_CASES, data.count * trials),
        quality: 0.5 + rngFor(seed, 'braintrust', 'launched', model.experiments.size).float() * 0.45,
        scorers: launch.scores.map(scorerName),
        baseExpId,
        datasetId: data.datasetId,
        rows: data.rows,
        stoppedAtMs: typeof launch.timeout === 'number' ? nowMs + launch.timeout : null,
        branch: 'evalrun',
        model: 'gpt-4o-mini',
      })
      const dueMs = model.endMs(experiment)
      const summary = () => model.summary(experiment, dueMs, true, model.comparisonOf(experiment, null))
      if (!launch.stream) return { status: 200, deferred: { dueMs, answer: () => ok(summary()) } }
      const view = model.summary(experiment, nowMs, false, null)
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
    },

    getProjectScore: ({ query }) => {
      const scoreTypes = many(query.score_type)
      const ids = many(query.ids)
      const all = [...model.projects.values()]
        .sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq)
        .flatMap((project) => model.projectScores(project).map((score) => ({ project, score, id: score.id })))
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
    },
  }

  return {
    vendor: 'braintrust',
    prefix: '/braintrust',
    // The spec also lists anonymous access (`{}`) beside the bearer key; the service requires the key.
    security: { scheme: 'bearerAuth', header: 'authorization', bearer: true, required: true },
    handlers,
    errors: braintrustErrors,
    runCount: () => model.experiments.size,
    model,
  }
}
