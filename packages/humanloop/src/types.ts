import type { components } from './generated/openapi.js'

type Schemas = components['schemas']

/** `pending | running | completed | cancelled`: Humanloop has no failed state. */
export type EvaluationStatus = Schemas['EvaluationStatus']
export type Evaluation = Schemas['EvaluationResponse']
export type EvaluationEvaluator = Schemas['EvaluationEvaluatorResponse']
export type EvaluationRun = Schemas['EvaluationRunResponse']
export type EvaluationRunList = Schemas['EvaluationRunsResponse']
export type EvaluationStats = Schemas['EvaluationStats']
export type RunStats = Schemas['RunStatsResponse']
/** One of the four evaluator-stats kinds; they share no discriminator, so tell them apart by their fields. */
export type EvaluatorStats = RunStats['evaluator_stats'][number]
export type NumericEvaluatorStats = Schemas['NumericEvaluatorStatsResponse']
export type BooleanEvaluatorStats = Schemas['BooleanEvaluatorStatsResponse']
export type SelectEvaluatorStats = Schemas['SelectEvaluatorStatsResponse']
export type TextEvaluatorStats = Schemas['TextEvaluatorStatsResponse']
export type EvaluationPage = Schemas['PaginatedEvaluationResponse']
export type EvaluationLogPage = Schemas['PaginatedDataEvaluationLogResponse']
export type EvaluationLog = Schemas['EvaluationLogResponse']
/** A Log: one open object with the fields Prompt, Tool, Evaluator and Flow Logs share. */
export type Log = Schemas['LogResponse']
export type Datapoint = Schemas['DatapointResponse']
export type Dataset = Schemas['DatasetResponse']
export type Evaluator = Schemas['EvaluatorResponse']
/** The File version a Run evaluates. */
export type RunVersion = Schemas['RunVersionResponse']
export type CreateEvaluationRequest = Schemas['CreateEvaluationRequest']
export type CreateRunRequest = Schemas['CreateRunRequest']
export type UpdateEvaluationRunRequest = Schemas['UpdateEvaluationRunRequest']
export type HTTPValidationError = Schemas['HTTPValidationError']
