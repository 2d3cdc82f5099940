import type { components, operations } from './generated/openapi.js'

type Schemas = components['schemas']
type QueryOf<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>

/** An eval: its data-source config and testing criteria (graders). Runs belong to one eval. */
export type Eval = Schemas['Eval']
/** One testing criterion (grader) of an eval; its `name` is what run and item results refer to. */
export type EvalTestingCriterion = Eval['testing_criteria'][number]
/** The score-model grader: `range` (default [0, 1] per its description) and an optional `pass_threshold`. */
export type EvalScoreModelGrader = Schemas['EvalGraderScoreModel']

/** One eval run. `status` is an open string upstream; see EvalRunStatus for the values the list filter names. */
export type EvalRun = Schemas['EvalRun']
/** The run statuses `GET /evals/{eval_id}/runs` filters on: queued, in_progress, completed, canceled, failed. */
export type EvalRunStatus = NonNullable<QueryOf<'getEvalRuns'>['status']>
/** total, errored, failed, passed: counts of output items. There is no run-level score. */
export type EvalRunResultCounts = EvalRun['result_counts']
/** Passed and failed counts of one testing criterion over the run. */
export type EvalRunCriterionResult = EvalRun['per_testing_criteria_results'][number]
export type EvalRunModelUsage = EvalRun['per_model_usage'][number]
/** Why a run failed: `{ code, message }`. */
export type EvalRunError = Schemas['EvalApiError']

/** One item of a run: `datasource_item_id` is the test-case key across runs. */
export type EvalRunOutputItem = Schemas['EvalRunOutputItem']
/** One grader's verdict on an item: `name`, `score`, `passed` (required), `type` and `sample` (optional). */
export type EvalRunOutputItemResult = Schemas['EvalRunOutputItemResult']
export type EvalRunOutputItemSample = EvalRunOutputItem['sample']
/** The output-item filter: `pass` or `fail`. */
export type EvalRunOutputItemStatus = NonNullable<QueryOf<'getEvalRunOutputItems'>['status']>

/** `POST /evals/{eval_id}/runs`: `data_source` is required. */
export type CreateEvalRunRequest = Schemas['CreateEvalRunRequest']
/** What a run reads and, for completions and responses, how it samples the model. */
export type EvalRunDataSource = CreateEvalRunRequest['data_source']
export type EvalRunDataSourceType = EvalRunDataSource['type']
export type JsonlRunDataSource = Schemas['CreateEvalJsonlRunDataSource']
export type CompletionsRunDataSource = Schemas['CreateEvalCompletionsRunDataSource']
export type ResponsesRunDataSource = Schemas['CreateEvalResponsesRunDataSource']
/** Test cases given inline, one `{ item, sample? }` row each. */
export type JsonlFileContentSource = Schemas['EvalJsonlFileContentSource']
/** Test cases from an uploaded JSONL file. */
export type JsonlFileIdSource = Schemas['EvalJsonlFileIdSource']
export type StoredCompletionsSource = Schemas['EvalStoredCompletionsSource']
export type ResponsesSource = Schemas['EvalResponsesSource']

/** A cursor page: `{ object: 'list', data, first_id, last_id, has_more }`; the next page is `after=last_id`. */
export type ListPage<Item> = Omit<Schemas['EvalList'], 'data'> & { data: Item[] }
export type EvalList = Schemas['EvalList']
export type EvalRunList = Schemas['EvalRunList']
export type EvalRunOutputItemList = Schemas['EvalRunOutputItemList']
export type ListEvalsQuery = QueryOf<'listEvals'>
export type ListEvalRunsQuery = QueryOf<'getEvalRuns'>
export type ListEvalRunOutputItemsQuery = QueryOf<'getEvalRunOutputItems'>

export type Metadata = Schemas['Metadata']
/** The API's error body, `{ error: { message, type, param, code } }` (declared upstream for 400 and 429 only). */
export type OpenAIErrorResponse = Schemas['ErrorResponse']
export type OpenAIError = Schemas['Error']

/** A stored file; an eval run's data source can name one (`source: { type: 'file_id', id }`). */
export type OpenAIStoredFile = Schemas['OpenAIFile']
/** `GET /files`: `{ data, first_id, last_id, has_more }`; page with `after=<last_id>`. */
export type FileList = Schemas['ListFilesResponse']
