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
export { createPromptLayerClient, type PromptLayerClient, type PromptLayerClientOptions } from './client.js'
export type { components, operations, paths } from './generated/openapi.js'
export type * from './types.js'
export { promptlayerVendor } from './vendor.js'
export { VERSION } from './version.js'
