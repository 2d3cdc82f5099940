import type { components, operations } from './generated/openapi.js'

type Schemas = components['schemas']
type QueryOf<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>

/** A dataset (evalrun's suite): `example_count` is the size of its latest version. */
export type Dataset = Schemas['Dataset']
/** `{ data, next_cursor }`: pass `next_cursor` back as `cursor`; null means the last page. */
export type DatasetsPage = Schemas['ListDatasetsResponseBody']
export type DatasetWithExampleCount = Schemas['DatasetWithExampleCount']
/** `GET /v1/datasets/{id}`: `{ data }`. */
export type DatasetAnswer = Schemas['GetDatasetResponseBody']
export type DatasetExample = Schemas['DatasetExample']
/** `{ data: { dataset_id, version_id, examples } }`: every example of one version, unpaged. */
export type DatasetExamplesAnswer = Schemas['ListDatasetExamplesResponseBody']

/**
 * An experiment (evalrun's run): run by the user's code, so it has no status; `successful_run_count`,
 * `failed_run_count` and `missing_run_count` count runs against `example_count × repetitions`.
 */
export type Experiment = Schemas['Experiment']
export type ExperimentsPage = Schemas['ListExperimentsResponseBody']
/** `GET /v1/experiments/{experiment_id}`: `{ data }`. */
export type ExperimentAnswer = Schemas['GetExperimentResponseBody']
/** One run of the task on one dataset example and repetition; `error` set when the task failed. */
export type ExperimentRun = Schemas['ExperimentRun']
export type ExperimentRunsPage = Schemas['ListExperimentRunsResponseBody']
/** A dataset example with the repetitions of it that have no successful run yet. */
export type IncompleteExperimentRun = Schemas['IncompleteExperimentRun']
export type IncompleteExperimentRunsPage = Schemas['GetIncompleteExperimentRunsResponseBody']
/** A run with the evaluations (by name) that are missing or failed. */
export type IncompleteExperimentEvaluation = Schemas['IncompleteExperimentEvaluation']
export type IncompleteEvaluationsPage = Schemas['GetIncompleteEvaluationsResponseBody']

export type ListDatasetsQuery = QueryOf<'listDatasets'>
export type ListExperimentsQuery = QueryOf<'listExperiments'>
export type ListExperimentRunsQuery = QueryOf<'listExperimentRuns'>
export type IncompleteEvaluationsQuery = QueryOf<'getIncompleteExperimentEvaluations'>
