import type { BatchRunFileResult, EvalBatchRun } from '@evalrun/datalab'

/** The Datalab payload behind an `EvalRun`: the batch run as Datalab returned it. */
export type DatalabRawRun = EvalBatchRun

/** The Datalab payload behind an `EvalItem`: one file's result. */
export type DatalabRawItem = BatchRunFileResult

/** Which Datalab processing a batch run applies to each file before scoring. */
export type DatalabPipelineType = 'convert' | 'extract' | 'segment'

export interface DatalabStartInput {
  vendor: 'datalab'
  /** The collection whose files are all processed and scored. */
  collectionId: number
  /** Required for the standard pipelines; optional with `pipelineId` (the pipeline's own rubric is used). */
  rubricId?: number
  /** Default `convert`. */
  pipelineType?: DatalabPipelineType
  /** A custom pipeline (`cp_…`). */
  pipelineId?: string
  /** Required for `extract`: a JSON schema, as an object or a JSON string. */
  pageSchema?: string | Record<string, unknown>
  /** Required for `segment`: as an object or a string. */
  segmentationSchema?: string | Record<string, unknown>
  /** Output formats, e.g. `['markdown', 'json']` or `'markdown,json'`. */
  outputFormat?: string | string[]
}
