import type { components } from './generated/openapi.js'

// The legacy endpoints' types (`specs/promptlayer`); the Tables API's are in tables-types.ts.
type Schemas = components['schemas']

/**
 * An evaluation pipeline (a report with `is_blueprint: true`), with its runs when listed with `include_runs`.
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type Evaluation = Schemas['Evaluation']
/**
 * One batch run of a pipeline: a report whose `parent_report_id` is the pipeline.
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type EvaluationRun = Schemas['EvaluationRun']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type ListEvaluationsResponse = Schemas['ListEvaluationsResponse']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type StatusCounts = Schemas['StatusCounts']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type ReportStatus = Schemas['ReportStatus']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type Report = Schemas['Report']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type ReportColumn = Schemas['ReportColumn']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type GetReportResponse = Schemas['GetReportResponse']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type ReportScore = Schemas['ReportScore']
/**
 * `ReportScore.details`: its shape follows `score_type`.
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type ReportScoreDetails = ReportScore['details']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type ColumnScore = Schemas['ColumnScore']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type GetReportScoreResponse = Schemas['GetReportScoreResponse']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type EvaluationRowsResponse = Schemas['EvaluationRowsResponse']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type DatasetRowCell = Schemas['DatasetRowCell']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type EvaluationRowCell = Schemas['EvaluationRowCell']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type CreateEvaluationPipelineRequest = Schemas['CreateEvaluationPipelineRequest']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type CreateEvaluationPipelineResponse = Schemas['CreateEvaluationPipelineResponse']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type EvaluationColumnDefinition = Schemas['EvaluationColumnDefinition']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type RunReportRequest = Schemas['RunReportRequest']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type RunReportResponse = Schemas['RunReportResponse']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type RenameReportRequest = Schemas['RenameReportRequest']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type RenameReportResponse = Schemas['RenameReportResponse']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type ReportColumnSummary = Schemas['ReportColumnSummary']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type ScoreConfiguration = Schemas['ScoreConfiguration']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type DeleteReportResponse = Schemas['DeleteReportResponse']
/**
 * @deprecated Legacy evaluation endpoints, deprecated by PromptLayer for new workflows since 2026-06-11 (still served): use the Tables API (`TableSheetOperation`, `TableSheetScorecardCalculation`, …).
 */
export type ExternalIdErrorResponse = Schemas['ExternalIdErrorResponse']
/** The error body of both APIs: `message`, `error` or both. */
export type ErrorResponse = Schemas['ErrorResponse']
