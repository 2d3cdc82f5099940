export {
  EvalrunApiError,
  EvalrunConfigError,
  EvalrunError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunTimeoutError,
  type RetryOptions,
  unwrap,
} from '@evalrun/http'
export { createDatalabClient, type DatalabClient, type DatalabClientOptions } from './client.js'
export type { components, operations, paths } from './generated/openapi.js'
export type * from './types.js'
export { datalabVendor } from './vendor.js'
export { VERSION } from './version.js'
