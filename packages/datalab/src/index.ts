export {
  EvalrunApiError,
  EvalrunError,
  EvalrunInvalidConfigError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  type RetryOptions,
  request,
} from '@evalrun/http'
export { createDatalabClient, type DatalabClient, type DatalabClientOptions } from './client.js'
export type { components, operations, paths } from './generated/openapi.js'
export type * from './types.js'
export { datalabVendor } from './vendor.js'
export { VERSION } from './version.js'
