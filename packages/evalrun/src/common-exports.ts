// What both `evalrun` and `evalrun/core` export: the client's types, the model, the errors, the listing helpers
// and the version. Everything else is internal (tests import it from its source module).
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
export type {
  CallOptions,
  Evalrun,
  EvalrunCoreOptions,
  EvalrunRuns,
  EvalrunSuites,
  ResultsOptions,
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
export type { RunRef } from './core/ref.js'
export type { EvalSuite, StartOption } from './core/suite.js'
export type { ListSuitesOptions } from './core/suite-listing.js'
export type { EvalrunVendor, StartFlag, VendorCredential, VendorOptions } from './core/vendor.js'
export type { VendorOptionsByVendor } from './core/vendor-types.js'
export type { WaitOptions } from './core/wait-for-run.js'
export { VERSION } from './version.js'
