import type { Experiment, ExperimentItem } from '@evalrun/langfuse'

/** The Langfuse payload behind an `EvalRun`: one experiment, with its experiment-level scores and metadata. */
export type LangfuseRawRun = Experiment

/** The Langfuse payload behind an `EvalItem`: one experiment item, with its dataset link, io and scores. */
export type LangfuseRawItem = ExperimentItem
