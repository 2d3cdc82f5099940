import type { components, operations } from './generated/openapi.js'

type Schemas = components['schemas']
type JsonResponse<Operation extends keyof operations> =
  operations[Operation]['responses'][200]['content']['application/json']

/** An experiment: Braintrust's run. There is no status and no cancel; `created` is an ISO date-time. */
export type Experiment = Schemas['Experiment']
/** `GET /v1/experiment`: `{ objects }`; page with `starting_after=<last id>` (or `ending_before`). */
export type ExperimentList = JsonResponse<'getExperiment'>
export type ListExperimentsQuery = NonNullable<operations['getExperiment']['parameters']['query']>
export type RepoInfo = Schemas['RepoInfo']

/**
 * One event (row) of an experiment. `scores` maps scorer names to numbers in 0..1 (or null); `input` is what
 * Braintrust matches test cases on across experiments; `origin` links the row to its dataset record.
 */
export type ExperimentEvent = Schemas['ExperimentEvent']
export type ExperimentEventScores = NonNullable<ExperimentEvent['scores']>
/** Where an event came from, such as a dataset record. */
export type ObjectReference = NonNullable<Schemas['ObjectReferenceNullish']>
/** `POST /v1/experiment/{experiment_id}/fetch` body: `limit`, `cursor`, `max_xact_id`, `max_root_span_id`, `version`. */
export type FetchExperimentEventsRequest = Schemas['FetchEventsRequest']
/**
 * `{ events, cursor? }`: pass `cursor` back for the next page. Later pages may repeat rows from earlier ones
 * (with an older `_xact_id`): keep one row per `id`.
 */
export type FetchExperimentEventsResponse = Schemas['FetchExperimentEventsResponse']

/** `GET /v1/experiment/{experiment_id}/summarize`, and the answer of `POST /v1/eval`. */
export type ExperimentSummary = Schemas['SummarizeExperimentResponse']
export type SummarizeExperimentQuery = NonNullable<
  operations['getExperimentIdSummarize']['parameters']['query']
>
/** Per scorer: `score` (mean, 0..1), `diff` against the comparison experiment, `improvements`, `regressions`. */
export type ScoreSummary = Schemas['ScoreSummary']
export type MetricSummary = Schemas['MetricSummary']

/** `POST /v1/eval`: `project_id`, `data`, `task` and `scores` are required. */
export type EvalLaunchRequest = Schemas['RunEval']
/** A dataset id, a project and dataset name, or inline rows. */
export type EvalLaunchData = EvalLaunchRequest['data']
/** A reference to a function: the task, or one scorer. */
export type FunctionId = Schemas['FunctionId']
/** Without `stream`, the summary, sent when the eval has finished. */
export type EvalLaunchResponse = JsonResponse<'evalLaunch'>

/**
 * The data of the `start` event that `POST /v1/eval` with `stream: true` sends once the experiment exists (the
 * second event, `done`, comes when the eval has finished). Braintrust's spec leaves the stream undescribed; this is
 * the experiment's metadata as Braintrust's SDK reports an eval's start (`onStart`), in camelCase. Every field is
 * optional: read it as untrusted.
 */
export interface EvalLaunchStartEvent {
  projectName?: string
  experimentName?: string
  projectId?: string
  experimentId?: string
  projectUrl?: string
  experimentUrl?: string
  comparisonExperimentName?: string | null
}

/** The `error` event of a streamed eval launch: a message, as Braintrust's SDK reads it. */
export interface EvalLaunchErrorEvent {
  message?: string
}

/** A project's score definition; the score itself is always 0..1, so this says how to read it, not its scale. */
export type ProjectScore = Schemas['ProjectScore']
export type ProjectScoreType = Schemas['ProjectScoreType']
export type ProjectScoreCategory = Schemas['ProjectScoreCategory']
export type ProjectScoreCategories = Schemas['ProjectScoreCategories']
export type ProjectScoreConfig = Schemas['ProjectScoreConfig']
/** `GET /v1/project_score`: `{ objects }`, paged like the experiment list. */
export type ProjectScoreList = JsonResponse<'getProjectScore'>
export type ListProjectScoresQuery = NonNullable<operations['getProjectScore']['parameters']['query']>

/** A project: Braintrust's suite (its experiments are the runs). */
export type Project = Schemas['Project']
/** `GET /v1/project`: `{ objects }`, paged like the experiment list. */
export type ProjectList = JsonResponse<'getProject'>
/** A dataset of a project: the records an eval can run on (`data: { dataset_id }`). */
export type Dataset = Schemas['Dataset']
/** `GET /v1/dataset`: `{ objects }`, paged like the experiment list. */
export type DatasetList = JsonResponse<'getDataset'>
/** A saved function (prompt, code, scorer…) an eval can use as its task or a scorer (`{ function_id }`). */
export type BraintrustFunction = Schemas['Function']
/** `GET /v1/function`: `{ objects }`, paged like the experiment list. */
export type FunctionList = JsonResponse<'getFunction'>
/** `GET /v1/experiment/{experiment_id}/fetch`: the first page of events; the GET form takes no cursor. */
export type FetchExperimentEventsQuery = NonNullable<
  operations['getExperimentIdFetch']['parameters']['query']
>
