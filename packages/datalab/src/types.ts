import type { components } from './generated/openapi.js'

type Schemas = components['schemas']

/** One eval batch run. `status` is an open string: Datalab does not document its values. */
export type EvalBatchRun = Schemas['EvalBatchRunResponse']
export type EvalBatchRunList = Schemas['EvalBatchRunListResponse']
export type StartBatchRunRequest = Schemas['StartBatchRunRequest']
export type BatchRunResults = Schemas['BatchRunResultsResponse']
export type BatchRunFileResult = Schemas['BatchRunFileResult']
export type Collection = Schemas['CollectionResponse']
export type CreateCollectionRequest = Schemas['CreateCollectionRequest']
export type CollectionFile = Schemas['CollectionFileResponse']
export type CollectionFileList = Schemas['ListCollectionFilesResponse']
export type EvalRubric = Schemas['EvalRubricResponse']
export type EvalRubricList = Schemas['EvalRubricListResponse']
export type UpdateEvalRubricRequest = Schemas['UpdateEvalRubricRequest']
export type FeedbackItem = Schemas['FeedbackItem']
export type HTTPValidationError = Schemas['HTTPValidationError']
