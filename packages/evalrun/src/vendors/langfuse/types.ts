import type { Experiment, ExperimentItem } from '@evalrun/langfuse'

/** The Langfuse payload behind an `EvalRun`: one experiment, with its experiment-level scores and metadata. */
export type LangfuseRawRun = Experiment

/** The Langfuse payload behind an `EvalItem`: one experiment item, with its dataset link, io and scores. */
export type LangfuseRawItem = ExperimentItem

/**
 * A score's scale as evalrun knows it: `config` when a Langfuse score config bounds it (both `minValue` and
 * `maxValue`), `computed` for booleans (0 or 1). Null elsewhere means unknown (a config without both bounds is
 * unbounded on that side, in Langfuse's words).
 */
export interface LangfuseScoreScale {
  min: number
  max: number
  source: 'config' | 'computed'
}

/** One score of an experiment or an item, typed by its data type. TEXT and CORRECTION scores have none. */
export interface LangfuseJudgement {
  name: string
  kind: 'numeric' | 'boolean' | 'categorical'
  value: number | boolean | string | null
  scale: LangfuseScoreScale | null
  /** A boolean score's verdict; numeric and categorical scores give none. */
  passed: boolean | null
}
