import createClient, { type Client } from 'openapi-fetch'
import { type HttpClientOptions, resolveClientConfig } from './config.js'
import { describeErrorBody } from './error-body.js'
import { EvalrunApiError } from './errors.js'
import { redactUrl } from './redact.js'
import { createResilientFetch, requestUrls } from './resilient-fetch.js'
import { isRetryableStatus } from './retry-policy.js'
import type { VendorDefinition } from './vendor.js'

interface ResponseContext {
  vendor: VendorDefinition
  method: string
  operation: string
}

// Which vendor and operation a response came from, so `unwrap` can build a full error from the result alone.
const responseContexts = new WeakMap<Response, ResponseContext>()

/** An openapi-fetch client for `Paths`, with evalrun's auth, timeouts, retries and error context. */
export function createVendorClient<Paths extends {}>(
  vendor: VendorDefinition,
  options: HttpClientOptions = {},
): Client<Paths> {
  const config = resolveClientConfig(vendor, options)
  const client = createClient<Paths>({
    baseUrl: config.baseUrl,
    // A plain object: openapi-fetch merges headers on every call, and walking a Headers object costs far more.
    headers: Object.fromEntries(config.headers()),
    // Redirects are followed by hand (see resilient-fetch), so that the key never goes to another origin.
    redirect: 'manual',
    fetch: createResilientFetch(config),
  })
  // Each method call records which operation its response answers, for `unwrap`. Cheaper than a middleware,
  // which makes openapi-fetch do extra work on every request.
  const withContext = (method: HttpMethod) => {
    const call = client[method] as (path: string, init?: CallInit) => Promise<FetchResult<unknown>>
    return (path: string, init?: CallInit): Promise<FetchResult<unknown>> => {
      const called = init?.signal ? callWithOwnSignal(call, path, init, init.signal) : call(path, init)
      return called.then((result) => {
        // Only `unwrap` of an error reads it: successes skip the bookkeeping.
        if (!result.response.ok) {
          responseContexts.set(result.response, { vendor, method, operation: `${method} ${path}` })
        }
        return result
      })
    }
  }
  return {
    ...client,
    GET: withContext('GET'),
    PUT: withContext('PUT'),
    POST: withContext('POST'),
    DELETE: withContext('DELETE'),
    OPTIONS: withContext('OPTIONS'),
    HEAD: withContext('HEAD'),
    PATCH: withContext('PATCH'),
    TRACE: withContext('TRACE'),
    request: (method: string, path: string, init?: CallInit) =>
      withContext(method.toUpperCase() as HttpMethod)(path, init),
  } as Client<Paths>
}

type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE'

type CallInit = { signal?: AbortSignal | null } & Record<string, unknown>

/**
 * The call with a signal of its own, aborted by the caller's while the call runs. A Request stays tied to its signal
 * until the Request is garbage-collected, so on one signal shared by many calls (a listing's) those ties pile up,
 * and each new one costs more than the last: here each call's tie is undone as soon as the call ends.
 */
function callWithOwnSignal(
  call: (path: string, init?: CallInit) => Promise<FetchResult<unknown>>,
  path: string,
  init: CallInit,
  callerSignal: AbortSignal,
): Promise<FetchResult<unknown>> {
  if (callerSignal.aborted) return Promise.reject(callerSignal.reason)
  const controller = new AbortController()
  const onAbort = () => controller.abort(callerSignal.reason)
  callerSignal.addEventListener('abort', onAbort)
  const untie = () => callerSignal.removeEventListener('abort', onAbort)
  const called = call(path, { ...init, signal: controller.signal })
  called.then(untie, untie)
  return called
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
  const url = redactUrl(requestUrls.get(response) ?? response.url)
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
