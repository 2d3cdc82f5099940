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
export { createHumanloopClient, type HumanloopClient, type HumanloopClientOptions } from './client.js'
export type { components, operations, paths } from './generated/openapi.js'
export type * from './types.js'
export { humanloopVendor } from './vendor.js'
export { VERSION } from './version.js'
