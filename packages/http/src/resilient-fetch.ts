import { Attempt } from './attempt.js'
import { BufferedResponse } from './buffered-response.js'
import type { ResolvedClientConfig } from './config.js'
import { DeadlineQueue } from './deadline-queue.js'
import { EvalrunNetworkError, EvalrunOutcomeUnknownError, EvalrunTimeoutError } from './errors.js'
import { redactUrl } from './redact.js'
import { backoffDelay, isIdempotent, isRetryableStatus, parseRetryAfter } from './retry-policy.js'
import { sleep } from './signals.js'

const MAX_REDIRECTS = 5
/** Connection errors that prove the request never left: safe to retry even a POST. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
])
/** Headers that carry credentials, dropped when a redirect leaves the configured origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization']

/** The URL an error response answered (a buffered Response has none of its own); read by `unwrap`. */
export const requestUrls = new WeakMap<Response, string>()

type AttemptFailure = { kind: 'timeout' | 'network' | 'malformed'; cause: unknown; notSent: boolean }

/**
 * The `fetch` given to openapi-fetch, whose requests already carry the config's headers: adds a fresh timeout per
 * attempt, retries with backoff, safe redirects, and reads the body before returning so that a cut-off body counts
 * as a failed attempt.
 */
export function createResilientFetch(config: ResolvedClientConfig): (request: Request) => Promise<Response> {
  const maxRetries = config.retry === false ? 0 : config.retry.maxRetries
  const origin = new URL(config.baseUrl).origin
  const deadlines = new DeadlineQueue(config.timeoutMs)

  return async function resilientFetch(request: Request): Promise<Response> {
    const method = request.method
    // A body is read once so that every attempt can send it again; a bodiless request is simply sent again.
    const body = request.body === null ? undefined : await request.arrayBuffer()
    const callerSignal = request.signal

    for (let attempt = 0; ; attempt++) {
      callerSignal.throwIfAborted()
      const canRetry = attempt < maxRetries
      let failure: AttemptFailure
      try {
        const toSend =
          body === undefined ? request : requestWithBody(request.url, method, request.headers, body)
        const attemptInit = new Attempt(callerSignal, deadlines)
        const buffered = await attemptInit.settled(send(config, origin, toSend, body, attemptInit))
        // A fetch that never read its signal cannot have been stopped by the caller: look now.
        callerSignal.throwIfAborted()
        if (canRetry && isRetryableStatus(buffered.status, method)) {
          const delay = retryDelay(config, buffered.headers, attempt)
          if (delay !== null) {
            await sleep(delay, callerSignal)
            continue
          }
        }
        if (!buffered.ok) requestUrls.set(buffered, request.url)
        return buffered
      } catch (error) {
        if (callerSignal.aborted) throw callerSignal.reason
        failure = classify(error)
      }
      const safeToRepeat = isIdempotent(method) || failure.notSent
      if (canRetry && safeToRepeat) {
        await sleep(backoffDelay(attempt, config.retry as Exclude<typeof config.retry, false>), callerSignal)
        continue
      }
      throw toError(config, failure, method, request.url, attempt + 1, safeToRepeat)
    }
  }
}

function retryDelay(config: ResolvedClientConfig, headers: Headers, attempt: number): number | null {
  if (config.retry === false) return null
  const requested = parseRetryAfter(headers)
  if (requested === null) return backoffDelay(attempt, config.retry)
  return requested <= config.retry.maxRetryAfterMs ? requested : null
}

/** Sends `request` with redirects followed by hand, so that the key never goes to another origin; reads the body. */
async function send(
  config: ResolvedClientConfig,
  origin: string,
  request: Request,
  body: ArrayBuffer | undefined,
  init: RequestInit,
): Promise<Response> {
  let current = request
  let currentBody = body
  for (let hop = 0; ; hop++) {
    const response = await config.fetch(current, init)
    const status = response.status
    // Only a redirect needs its type and Location read (an opaque redirect is the one response with status 0).
    if (status !== 0 && (status < 300 || status >= 400)) return readWhole(response)
    if (response.type === 'opaqueredirect') {
      throw new RedirectError(
        'the server redirected, and this runtime does not let a client follow it safely',
      )
    }
    const location = response.headers.get('location')
    if (location === null) return readWhole(response)
    await response.body?.cancel()
    if (hop >= MAX_REDIRECTS) throw new RedirectError(`more than ${MAX_REDIRECTS} redirects`)
    ;[current, currentBody] = redirectRequest(config, origin, current, currentBody, status, location)
  }
}

/** The request to send after a redirect: the key dropped off-origin, a POST turned into a GET by 303. */
function redirectRequest(
  config: ResolvedClientConfig,
  origin: string,
  previous: Request,
  body: ArrayBuffer | undefined,
  status: number,
  location: string,
): [Request, ArrayBuffer | undefined] {
  const next = new URL(location, previous.url)
  const headers = new Headers(previous.headers)
  if (next.origin !== origin) {
    // The key belongs to the configured vendor only: never replay it to another origin.
    headers.delete(config.vendor.apiKeyHeader)
    for (const name of CREDENTIAL_HEADERS) headers.delete(name)
  }
  let method = previous.method
  let nextBody = body
  if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
    method = 'GET'
    nextBody = undefined
    headers.delete('content-type')
  }
  return [requestWithBody(next.href, method, headers, nextBody), nextBody]
}

/**
 * A Request the layer builds itself (a body sent again, a redirect hop). `redirect: 'manual'` is on the Request as
 * on openapi-fetch's, not only in `init`, so that a fetch that ignores `init` still never follows a redirect.
 */
function requestWithBody(
  url: string,
  method: string,
  headers: Headers,
  body: ArrayBuffer | undefined,
): Request {
  return new Request(url, { method, headers, body, redirect: 'manual' })
}

class RedirectError extends Error {}
class MalformedBodyError extends Error {}

/** `application/json`, `application/problem+json`, `text/json; charset=utf-8`… */
function isJson(contentType: string | null): boolean {
  return contentType?.toLowerCase().includes('json') ?? false
}

/** Reads the body now; for JSON, checks that it parses, so that a truncated payload fails this attempt. */
async function readWhole(response: Response): Promise<Response> {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers }
  if (!response.ok || !isJson(response.headers.get('content-type'))) {
    const bytes = new Uint8Array(await response.arrayBuffer())
    return bytes.byteLength === 0 ? new Response(null, init) : new BufferedResponse(bytes, init)
  }
  const text = await response.text()
  if (text === '') return new Response(null, init)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new MalformedBodyError('the response body is not valid JSON (cut off or corrupted)', {
      cause: error,
    })
  }
  // openapi-fetch parses `text()` itself when there is no Content-Length: one is added then (vendors send one).
  let headers = response.headers
  if (!headers.has('content-length')) {
    headers = new Headers(headers)
    headers.set('content-length', String(new TextEncoder().encode(text).byteLength))
  }
  return new BufferedResponse(text, { ...init, headers }, { value: parsed })
}

function classify(error: unknown): AttemptFailure {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return { kind: 'timeout', cause: error, notSent: false }
  if (error instanceof MalformedBodyError) return { kind: 'malformed', cause: error, notSent: false }
  const code = errorCode(error)
  return { kind: 'network', cause: error, notSent: code !== null && NOT_SENT_CODES.has(code) }
}

function errorCode(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return null
}

function toError(
  config: ResolvedClientConfig,
  failure: AttemptFailure,
  method: string,
  url: string,
  attempts: number,
  safeToRepeat: boolean,
): Error {
  const vendor = config.vendor
  const where = `${method} ${redactUrl(url)}`
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`
  const details = { vendor: vendor.id, method, url: redactUrl(url), attempts, cause: failure.cause }
  if (!safeToRepeat) {
    const what =
      failure.kind === 'timeout'
        ? `no answer within ${config.timeoutMs} ms`
        : failure.kind === 'malformed'
          ? 'the answer could not be read'
          : `the connection failed (${describe(failure.cause)})`
    return new EvalrunOutcomeUnknownError(
      `${vendor.displayName}: ${where} was sent but ${what}; it may or may not have taken effect, so it was not retried. Check in ${vendor.displayName} before sending it again.`,
      details,
    )
  }
  if (failure.kind === 'timeout') {
    return new EvalrunTimeoutError(
      `${vendor.displayName}: ${where} timed out after ${config.timeoutMs} ms (${tries}).`,
      { ...details, timeoutMs: config.timeoutMs },
    )
  }
  const what = failure.kind === 'malformed' ? 'the response body was not valid JSON' : describe(failure.cause)
  return new EvalrunNetworkError(`${vendor.displayName}: ${where} failed: ${what} (${tries}).`, details)
}

/** `fetch failed: connect ECONNREFUSED 127.0.0.1:4010 (ECONNREFUSED)`: undici's own message says little. */
function describe(cause: unknown): string {
  const code = errorCode(cause)
  const message = cause instanceof Error ? cause.message : String(cause)
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : ''
  const detail = inner && inner !== message ? `${message}: ${inner}` : message
  return code && !detail.includes(code) ? `${detail} (${code})` : detail
}
