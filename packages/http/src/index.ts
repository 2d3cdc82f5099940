export type { Client } from 'openapi-fetch'
export { createVendorClient } from './client.js'
export type { HttpClientOptions } from './config.js'
export type {
  ApiKeyOptions,
  BasicAuthOptions,
  CredentialOptions,
  TokenProviderOptions,
} from './credentials.js'
export type { Env } from './env.js'
export {
  type ErrorOptions,
  EvalrunApiError,
  EvalrunError,
  EvalrunInvalidConfigError,
  EvalrunMalformedResponseError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  hasMarker,
} from './errors.js'
export type { ServerSentEvent } from './event-stream.js'
export { eventStreams } from './hold-event-stream.js'
export { request, requestEvents, requestWithHeaders } from './request.js'
export type { RetryOptions } from './retry-policy.js'
export { tokenProviders } from './token-provider.js'
export type { EventStreamSupport, TokenProviderSupport, VendorAuth, VendorDefinition } from './vendor.js'
