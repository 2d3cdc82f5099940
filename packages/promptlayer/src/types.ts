import type { components } from './generated/openapi.js'

type Schemas = components['schemas']

/** An evaluation pipeline (a report with `is_blueprint: true`), with its runs when listed with `include_runs`. */
export type Evaluation = Schemas['Evaluation']
/** One batch run of a pipeline: a report whose `parent_report_id` is the pipeline. */
export type EvaluationRun = Schemas['EvaluationRun']
export type ListEvaluationsResponse = Schemas['ListEvaluationsResponse']
export type StatusCounts = Schemas['StatusCounts']
export type ReportStatus = Schemas['ReportStatus']
export type Report = Schemas['Report']
export type ReportColumn = Schemas['ReportColumn']
export type GetReportResponse = Schemas['GetReportResponse']
export type ReportScore = Schemas['ReportScore']
/** `ReportScore.details`: its shape follows `score_type`. */
export type ReportScoreDetails = ReportScore['details']
export type ColumnScore = Schemas['ColumnScore']
export type GetReportScoreResponse = Schemas['GetReportScoreResponse']
export type EvaluationRowsResponse = Schemas['EvaluationRowsResponse']
export type DatasetRowCell = Schemas['DatasetRowCell']
export type EvaluationRowCell = Schemas['EvaluationRowCell']
export type CreateEvaluationPipelineRequest = Schemas['CreateEvaluationPipelineRequest']
export type CreateEvaluationPipelineResponse = Schemas['CreateEvaluationPipelineResponse']
export type EvaluationColumnDefinition = Schemas['EvaluationColumnDefinition']
export type RunReportRequest = Schemas['RunReportRequest']
export type RunReportResponse = Schemas['RunReportResponse']
export type RenameReportRequest = Schemas['RenameReportRequest']
export type RenameReportResponse = Schemas['RenameReportResponse']
export type ReportColumnSummary = Schemas['ReportColumnSummary']
export type ScoreConfiguration = Schemas['ScoreConfiguration']
export type DeleteReportResponse = Schemas['DeleteReportResponse']
export type ExternalIdErrorResponse = Schemas['ExternalIdErrorResponse']
export type ErrorResponse = Schemas['ErrorResponse']
