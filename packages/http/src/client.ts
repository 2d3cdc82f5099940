import createClient, { type Client, type Middleware } from 'openapi-fetch'
import { type HttpClientOptions, resolveClientConfig } from './config.js'
import { describeErrorBody } from './error-body.js'
import { EvalrunApiError } from './errors.js'
import { redactUrl } from './redact.js'
import { createResilientFetch } from './resilient-fetch.js'
import { isRetryableStatus } from './retry-policy.js'
import type { VendorDefinition } from './vendor.js'

interface ResponseContext {
  vendor: VendorDefinition
  method: string
  operation: string
  url: string
}

// Which vendor and operation a response came from, so `unwrap` can build a full error from the result alone.
const responseContexts = new WeakMap<Response, ResponseContext>()

/** An openapi-fetch client for `Paths`, with evalrun's auth, timeouts, retries and error context. */
export function createVendorClient<Paths extends {}>(
  vendor: VendorDefinition,
  options: HttpClientOptions = {},
): Client<Paths> {
  const config = resolveClientConfig(vendor, options)
  const client = createClient<Paths>({ baseUrl: config.baseUrl, fetch: createResilientFetch(config) })
  const recordContext: Middleware = {
    onResponse({ request, response, schemaPath }) {
      responseContexts.set(response, {
        vendor,
        method: request.method,
        operation: `${request.method} ${schemaPath}`,
        url: request.url,
      })
    },
  }
  client.use(recordContext)
  return client
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response }

/**
 * The data of an openapi-fetch result, or an `EvalrunApiError` with status, operation, request id and body.
 * For callers who prefer exceptions to `{ data, error }`.
 */
export function unwrap<T>(result: FetchResult<T>): T {
  const { response } = result
  if (response.ok) return result.data as T
  const context = responseContexts.get(response)
  const vendorName = context?.vendor.displayName ?? 'API'
  const method = context?.method ?? 'request'
  const url = redactUrl(context?.url ?? response.url)
  const reason = describeErrorBody(result.error)
  const where = context ? context.operation : url
  const message = `${vendorName} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} to ${where}${reason ? `: ${reason}` : ''}`
  throw new EvalrunApiError(message, {
    vendor: context?.vendor.id ?? 'unknown',
    status: response.status,
    method,
    operation: context?.operation ?? null,
    url,
    requestId: requestIdOf(response.headers),
    body: result.error,
    isRetryable: isRetryableStatus(response.status, method),
  })
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid', 'x-amzn-trace-id', 'cf-ray']

function requestIdOf(headers: Headers): string | null {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name)
    if (value) return value
  }
  return null
}
