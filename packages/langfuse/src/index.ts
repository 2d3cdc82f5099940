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
export {
  createLangfuseClient,
  type LangfuseClient,
  type LangfuseClientOptions,
} from './client.js'
export { type LangfuseDeprecation, langfuseDeprecationOf } from './deprecation.js'
export type { components, operations, paths } from './generated/openapi.js'
export type * from './types.js'
export { langfuseVendor } from './vendor.js'
export { VERSION } from './version.js'
