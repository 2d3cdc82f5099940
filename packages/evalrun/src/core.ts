// `evalrun/core`: the model, the client and the errors, with no vendor. Pair it with the vendors you use
// (`evalrun/datalab`, …) so that a bundle carries only those: `createEvalrun({ vendors: [datalab] })`.
export {
  EvalrunApiError,
  EvalrunError,
  EvalrunInvalidConfigError,
  EvalrunMalformedResponseError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  type RetryOptions,
} from '@evalrun/http'
export type { AdapterListQuery, AnyEvalrunAdapter, EvalrunAdapter } from './core/adapter.js'
export { SCORE_EPSILON, STATUS_RANK } from './core/compare-verdict.js'
export type {
  ComparedItem,
  ComparedSide,
  CompareOptions,
  ComparisonSummary,
  ItemChange,
  MetricChange,
  MetricDelta,
  RunComparison,
} from './core/comparison.js'
export type { EvalrunOptions, OnWarning } from './core/config.js'
export type { RunStatsOptions } from './core/create-evalrun.js'
export {
  type CallOptions,
  createEvalrunWith as createEvalrun,
  type Evalrun,
  type EvalrunCoreOptions,
  type EvalrunRuns,
  type ResultsOptions,
  type RunRef,
} from './core/create-evalrun.js'
export {
  EvalrunInvalidInputError,
  EvalrunListError,
  EvalrunNotConfiguredError,
  EvalrunNotFoundError,
  EvalrunNotSupportedError,
  EvalrunWaitDeadlineError,
  type VendorFailure,
} from './core/errors.js'
export type { ListRunsOptions } from './core/list-options.js'
export { DEDUPE_WINDOW } from './core/list-runs.js'
export {
  type EvalItem,
  type EvalJudgement,
  type EvalMetric,
  type EvalRun,
  type ItemStatus,
  type RawItems,
  type RawRuns,
  RUN_STATUSES,
  type RunProgress,
  type RunStatus,
  type RunSuite,
  type ScoreScale,
  type StartInputOf,
  type StartInputs,
  type StartRunInput,
  TERMINAL_STATUSES,
  type Vendor,
} from './core/model.js'
export { newestFirst, newestRuns } from './core/newest-runs.js'
export type { RunStats, RunStatsFunctions } from './core/run-stats.js'
export type {
  CompareStats,
  ComparisonSignificance,
  MeasureSignificance,
  PassRateSignificance,
  SignificanceVerdict,
} from './core/significance.js'
export type { EvalrunVendor, StartFlag, VendorCredential, VendorOptions } from './core/vendor.js'
export { DEFAULT_WAIT_TIMEOUT_MS, type WaitOptions } from './core/wait-for-run.js'
export type { ItemStats, MetricInterval } from './stats/item-stats.js'
export type {
  IntervalOptions,
  McNemarTest,
  MeanInterval,
  PairedDifference,
  ProportionInterval,
} from './stats/types.js'
export { VERSION } from './version.js'
