import type {
  DatasetRowCell,
  EvaluationRowCell,
  GetReportResponse,
  GetReportScoreResponse,
  EvaluationRun as PromptLayerListedRun,
  Evaluation as PromptLayerPipeline,
  RunReportResponse,
} from '@evalrun/promptlayer'

/**
 * A PromptLayer run as evalrun saw it. Listing returns runs nested under their pipeline; `get` reads the report
 * and its score; `start` falls back to the bare start response when the new report could not be read yet.
 */
export type PromptLayerRawRun =
  | { from: 'listing'; run: PromptLayerListedRun; pipeline: Omit<PromptLayerPipeline, 'runs'> }
  | { from: 'report'; report: GetReportResponse; score: GetReportScoreResponse | null }
  | { from: 'start'; started: RunReportResponse }

/** A PromptLayer row with the column names that give its cells meaning. */
export interface PromptLayerRawRow {
  columns: string[]
  cells: (DatasetRowCell | EvaluationRowCell)[]
  /** Position of the row in the evaluation, from 1. */
  rowNumber: number
}

export interface PromptLayerStartInput {
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
