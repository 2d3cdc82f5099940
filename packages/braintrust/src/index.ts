export {
  EvalrunApiError,
  EvalrunError,
  EvalrunInvalidConfigError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  type RetryOptions,
  request,
  requestEvents,
  type ServerSentEvent,
} from '@evalrun/http'
export {
  type BraintrustClient,
  type BraintrustClientOptions,
  createBraintrustClient,
} from './client.js'
export type { components, operations, paths } from './generated/openapi.js'
export type * from './types.js'
export { braintrustVendor } from './vendor.js'
export { VERSION } from './version.js'
