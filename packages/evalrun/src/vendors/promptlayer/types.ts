import type {
  CancelTableSheetOperationResponse,
  CreateTableSheetOperationQueuedResponse,
  DatasetRowCell,
  EvaluationRowCell,
  GetReportResponse,
  GetReportScoreResponse,
  EvaluationRun as PromptLayerListedRun,
  Evaluation as PromptLayerPipeline,
  RunReportResponse,
  SheetColumn,
  SheetRowCell,
  TableSheetOperation,
  TableSheetScorecardCalculation,
  TableSheetScorecardGetResponse,
  TableSheetScorecardRowSummary,
  TableSheetVersion,
} from '@evalrun/promptlayer'

/**
 * A PromptLayer run as evalrun saw it. Legacy: listing returns runs nested under their pipeline; `get` reads the
 * report and its score; `start` falls back to the bare start response when the new report could not be read yet.
 * Tables (`from: 'tables'`): a recalculation operation and the scorecard calculation that follows it.
 */
export type PromptLayerRawRun =
  | { from: 'listing'; run: PromptLayerListedRun; pipeline: Omit<PromptLayerPipeline, 'runs'> }
  | { from: 'report'; report: GetReportResponse; score: GetReportScoreResponse | null }
  | { from: 'start'; started: RunReportResponse }
  | PromptLayerTablesRawRun

/** A Tables run: what was read of its operation, its sheet's scorecard and its calculation. */
export interface PromptLayerTablesRawRun {
  from: 'tables'
  tableId: string
  sheetId: string
  /** The operation's answer to `start`, when this run was read right after starting it. */
  started?: CreateTableSheetOperationQueuedResponse
  /** The operation as last polled; null for a run listed from the sheet's scorecard or versions. */
  operation: TableSheetOperation | null
  /** What `cancel` was answered, when it cancelled the operation. */
  canceled?: CancelTableSheetOperationResponse
  scorecard: TableSheetScorecardGetResponse | null
  calculation: TableSheetScorecardCalculation | null
  /** The saved sheet version the run was listed from. */
  version?: TableSheetVersion
  /** Row verdict counts of the calculation (`scorecard/rows`' `verdict_counts`). */
  verdictCounts?: Record<string, number>
}

/** A PromptLayer row with the column names that give its cells meaning (legacy evaluations). */
export interface PromptLayerRawRow {
  columns: string[]
  cells: (DatasetRowCell | EvaluationRowCell)[]
  /** Position of the row in the evaluation, from 1. */
  rowNumber: number
}

/** A sheet row of a Tables run, with its scorecard row (null when the row has no verdict yet). */
export interface PromptLayerTablesRawRow {
  from: 'tables'
  rowIndex: number
  cells: Record<string, SheetRowCell>
  columns: SheetColumn[]
  scorecardRow: TableSheetScorecardRowSummary | null
}

/** Either start: a legacy pipeline run (`pipelineId`) or a Tables recalculation (`tableId`). */
export type PromptLayerStartInput = PromptLayerPipelineStartInput | PromptLayerTablesStartInput

/**
 * Recalculates a sheet's stale computed cells (one operation), then its scorecard. PromptLayer asks for
 * confirmation above its threshold of cells: the start is re-sent with the token only with `confirm: true`.
 */
export interface PromptLayerTablesStartInput {
  vendor: 'promptlayer'
  /** The Table (a UUID). */
  tableId: string
  /** The sheet of that Table (a UUID). */
  sheetId: string
  /** Only these computed columns; all of them by default. */
  columnIds?: string[]
  /** Only these rows (zero-based row indices); all rows by default. */
  rowIds?: number[]
  /** Allow an operation PromptLayer asks confirmation for (`--yes`); without it such a start fails, naming the count. */
  confirm?: boolean
}

/** @deprecated PromptLayer's legacy evaluation pipelines, deprecated for new workflows: start a Tables run. */
export interface PromptLayerPipelineStartInput {
  vendor: 'promptlayer'
  /** The evaluation pipeline (blueprint report) to run. */
  pipelineId: number
  /** Name of the report the run creates (1 to 255 characters). */
  name: string
  /** Dataset to run on; the pipeline's own by default. */
  datasetId?: number
  /** Refresh a dynamic dataset first. */
  refreshDataset?: boolean
}
