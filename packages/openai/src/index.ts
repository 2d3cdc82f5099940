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
export { AZURE_API_KEY_ENV, AZURE_ENDPOINT_ENV, type AzureOpenAIOptions } from './azure.js'
export { createOpenAIClient, type OpenAIClient, type OpenAIClientOptions } from './client.js'
export type { components, operations, paths } from './generated/openapi.js'
export type * from './types.js'
export { openaiVendor } from './vendor.js'
export { VERSION } from './version.js'
