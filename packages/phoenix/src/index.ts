export {
  EvalrunApiError,
  EvalrunError,
  EvalrunInvalidConfigError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  type RetryOptions,
  request,
  requestWithHeaders,
} from '@evalrun/http'
export { createPhoenixClient, type PhoenixClient, type PhoenixClientOptions } from './client.js'
export type { components, operations, paths } from './generated/openapi.js'
export type * from './types.js'
export { phoenixVendor } from './vendor.js'
export { VERSION } from './version.js'
