import type { Eval, EvalRun, EvalRunDataSource, EvalRunOutputItem } from '@evalrun/openai'

/**
 * An OpenAI eval run with the eval it belongs to (its name and testing criteria). `evaluation` is null when the
 * eval could not be read beside the run (a warning says why).
 */
export interface OpenAIRawRun {
  run: EvalRun
  evaluation: Eval | null
}

/** The OpenAI payload behind an `EvalItem`: one output item of the run. */
export type OpenAIRawItem = EvalRunOutputItem

export interface OpenAIStartInput {
  vendor: 'openai'
  /** The eval to run (`eval_…`): its testing criteria grade every item. */
  evalId: string
  /**
   * What the run reads and how it samples the model, as OpenAI's `data_source`: `jsonl` (items given inline or as
   * an uploaded file), `completions` or `responses`.
   */
  dataSource: EvalRunDataSource
  /** The run's name; OpenAI picks one when absent. */
  name?: string
  /** Up to 16 string pairs (keys up to 64 characters, values up to 512). */
  metadata?: Record<string, string>
}
