export type { Client, Middleware } from 'openapi-fetch'
export { createVendorClient, unwrap } from './client.js'
export {
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  type HttpClientOptions,
  type ResolvedClientConfig,
  resolveClientConfig,
} from './config.js'
export { type Env, readEnv } from './env.js'
export { describeErrorBody } from './error-body.js'
export {
  type ApiErrorDetails,
  EvalrunApiError,
  EvalrunConfigError,
  EvalrunError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunTimeoutError,
  type RequestErrorDetails,
} from './errors.js'
export { redactUrl } from './redact.js'
export { createResilientFetch } from './resilient-fetch.js'
export {
  backoffDelay,
  isIdempotent,
  isRetryableStatus,
  parseRetryAfter,
  type RetryOptions,
} from './retry-policy.js'
export { anySignal, sleep } from './signals.js'
export type { VendorDefinition } from './vendor.js'
