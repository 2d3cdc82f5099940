export {
  EvalrunApiError,
  EvalrunError,
  EvalrunInvalidConfigError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  type RetryOptions,
} from '@evalrun/http'
export type { AdapterListQuery, AnyEvalrunAdapter, EvalrunAdapter } from './adapter.js'
export { createDatalabAdapter } from './adapters/datalab.js'
export { createHumanloopAdapter, type HumanloopAdapterOptions } from './adapters/humanloop.js'
export { createPromptLayerAdapter } from './adapters/promptlayer.js'
export type { EvalrunOptions, HumanloopOptions, VendorOptions } from './config.js'
export {
  type CallOptions,
  createEvalrun,
  type Evalrun,
  type EvalrunRuns,
  type RunRef,
} from './create-evalrun.js'
export {
  EvalrunInvalidInputError,
  EvalrunListError,
  EvalrunNotConfiguredError,
  EvalrunNotFoundError,
  EvalrunNotSupportedError,
  EvalrunWaitDeadlineError,
  type VendorFailure,
} from './errors.js'
export type { ListRunsOptions } from './list-options.js'
export { DEDUPE_WINDOW } from './list-runs.js'
export { mapDatalabItem } from './mappers/map-datalab-item.js'
export { mapDatalabRun } from './mappers/map-datalab-run.js'
export { mapDatalabStatus } from './mappers/map-datalab-status.js'
export { mapHumanloopItem } from './mappers/map-humanloop-item.js'
export { mapHumanloopMetrics } from './mappers/map-humanloop-metrics.js'
export { mapHumanloopRun } from './mappers/map-humanloop-run.js'
export { mapHumanloopStatus } from './mappers/map-humanloop-status.js'
export { mapPromptLayerItem } from './mappers/map-promptlayer-item.js'
export {
  mapPromptLayerListedRun,
  mapPromptLayerReport,
  mapPromptLayerStartedRun,
} from './mappers/map-promptlayer-run.js'
export { mapPromptLayerStatus } from './mappers/map-promptlayer-status.js'
export type { MappedStatus } from './mappers/mapped-status.js'
export { parseVendorDate } from './mappers/parse-vendor-date.js'
export {
  type EvalItem,
  type EvalMetric,
  type EvalRun,
  type HumanloopRawRun,
  type ItemStatus,
  type PromptLayerRawRow,
  type PromptLayerRawRun,
  type RawItems,
  type RawRuns,
  RUN_STATUSES,
  type RunProgress,
  type RunStatus,
  type RunSuite,
  TERMINAL_STATUSES,
  type Vendor,
} from './model.js'
export { formatRef, type ParsedRef, parseRef } from './ref.js'
export type {
  DatalabPipelineType,
  DatalabStartInput,
  HumanloopFileRef,
  HumanloopStartInput,
  PromptLayerStartInput,
  StartInputs,
  StartRunInput,
} from './start-input.js'
export { VERSION } from './version.js'
export { DEFAULT_WAIT_TIMEOUT_MS, type WaitOptions } from './wait-for-run.js'
