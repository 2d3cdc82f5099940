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

/** A Humanloop file or version, by version id, by file id or by path (optionally in an environment). */
export type HumanloopFileRef =
  | { versionId: string }
  | { fileId: string; environment?: string }
  | { path: string; environment?: string }

export interface HumanloopStartInput {
  vendor: 'humanloop'
  evaluationId: string
  /** The dataset to evaluate on. Required when `orchestrated` (the default) or `useExistingLogs`. */
  dataset?: HumanloopFileRef
  /** The Prompt/Tool/Flow/Agent version to evaluate. Required when `orchestrated` or `useExistingLogs`. */
  version?: HumanloopFileRef
  /** Default true: Humanloop generates the logs. False: you submit logs yourself. */
  orchestrated?: boolean
  /** Reuse logs that already exist for this dataset and version. */
  useExistingLogs?: boolean
}

/** Start inputs per vendor (augmentable like `RawRuns` for an added vendor). */
export interface StartInputs {
  datalab: DatalabStartInput
  promptlayer: PromptLayerStartInput
  humanloop: HumanloopStartInput
}

/** What `runs.start` accepts: a union discriminated on `vendor`. */
export type StartRunInput = StartInputs[keyof StartInputs]
