import type {
  EvalLaunchData,
  EvalLaunchRequest,
  Experiment,
  ExperimentEvent,
  ExperimentSummary,
  FunctionId,
} from '@evalrun/braintrust'

/**
 * A Braintrust experiment with its summary (scores and metrics against the comparison experiment). `summary` is
 * null when the experiment came from the launch stream's start event and could not be read back.
 */
export interface BraintrustRawRun {
  experiment: Experiment
  summary: ExperimentSummary | null
}

/** The Braintrust payload behind an `EvalItem`: the root event (span) of one test case's trace. */
export type BraintrustRawItem = ExperimentEvent

export interface BraintrustStartInput {
  vendor: 'braintrust'
  /** The project to run the eval in (a project id, not its name). */
  projectId: string
  /** The test cases: `{ dataset_id }`, `{ project_name, dataset_name }`, or inline rows `{ data: [{ input, expected }] }`. */
  data: EvalLaunchData
  /** The function under test: a saved function (`{ function_id }`, `{ project_name, slug }`), a prompt, inline code… */
  task: FunctionId
  /** The scorers, at least one; each scores every case from 0 to 1 (`{ global_function: 'Factuality' }`, …). */
  scores: FunctionId[]
  /** The new experiment's name; Braintrust suffixes it when the project already has one by that name. */
  experimentName?: string
  /** The experiment to compare with (its summary then says improvements and regressions against it). */
  baseExperimentId?: string
  /** The same, by name. */
  baseExperimentName?: string
  metadata?: EvalLaunchRequest['metadata']
  tags?: string[]
  /** Runs per case, for tasks whose output varies. */
  trialCount?: number
  /** Tasks and scorers run at once; Braintrust's default is 10. */
  maxConcurrency?: number
  /** The longest the eval may run, in milliseconds (Braintrust's `timeout`); none by default. */
  maxDurationMs?: number
}

/** What the adapter reads beside an experiment to derive its status: the newest trace's events. */
export interface BraintrustActivity {
  /** The events of the experiment's most recently written trace (an empty list when it has none). */
  newestTrace: unknown
  /** Braintrust's clock when it answered (its `Date` header), or null when it sent none. */
  observedAt: Date | null
}
