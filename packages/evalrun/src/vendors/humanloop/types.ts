import type {
  EvaluationLog,
  Evaluation as HumanloopEvaluation,
  EvaluationRun as HumanloopRun,
  RunStats,
} from '@evalrun/humanloop'

/** A Humanloop run with the evaluation it belongs to and its entry in `GET /evaluations/{id}/stats`. */
export interface HumanloopRawRun {
  /** Null only when the evaluation could not be read (right after `start`, say). */
  evaluation: HumanloopEvaluation | null
  run: HumanloopRun
  /** Null when the stats could not be read or list no entry for this run. */
  stats: RunStats | null
}

/** The Humanloop payload behind an `EvalItem`: one log of the run. */
export type HumanloopRawItem = EvaluationLog

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
