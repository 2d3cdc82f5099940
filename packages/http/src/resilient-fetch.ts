import type { ResolvedClientConfig } from './config.js'
import { EvalrunNetworkError, EvalrunOutcomeUnknownError, EvalrunTimeoutError } from './errors.js'
import { redactUrl } from './redact.js'
import { backoffDelay, isIdempotent, isRetryableStatus, parseRetryAfter } from './retry-policy.js'
import { sleep } from './signals.js'

const MAX_REDIRECTS = 5
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])
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
 * The `fetch` given to openapi-fetch: adds auth and default headers, a fresh timeout per attempt, retries with
 * backoff, safe redirects, and reads the body before returning so that a cut-off body counts as a failed attempt.
 */
export function createResilientFetch(config: ResolvedClientConfig): (request: Request) => Promise<Response> {
  const maxRetries = config.retry === false ? 0 : config.retry.maxRetries
  const origin = new URL(config.baseUrl).origin
  const defaultHeaders = config.headers()

  return async function resilientFetch(request: Request): Promise<Response> {
    const method = request.method.toUpperCase()
    const body = request.body === null ? undefined : await request.arrayBuffer()
    const callerSignal = request.signal
    const headers = new Headers(defaultHeaders)
    request.headers.forEach((value, name) => {
      headers.set(name, value)
    })

    for (let attempt = 0; ; attempt++) {
      callerSignal.throwIfAborted()
      // One controller per attempt, aborted by its timer or by the caller (cheaper than AbortSignal.any).
      const attemptController = new AbortController()
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        attemptController.abort(new DOMException('attempt timed out', 'TimeoutError'))
      }, config.timeoutMs)
      const onCallerAbort = () => attemptController.abort(callerSignal.reason)
      callerSignal.addEventListener('abort', onCallerAbort)
      const canRetry = attempt < maxRetries
      let failure: AttemptFailure
      try {
        const response = await send(
          config,
          origin,
          request.url,
          method,
          headers,
          body,
          attemptController.signal,
        )
        const buffered = await readWhole(response)
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
        failure = classify(error, timedOut)
      } finally {
        clearTimeout(timer)
        callerSignal.removeEventListener('abort', onCallerAbort)
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

async function send(
  config: ResolvedClientConfig,
  origin: string,
  url: string,
  method: string,
  headers: Headers,
  body: ArrayBuffer | undefined,
  signal: AbortSignal,
): Promise<Response> {
  let currentUrl = url
  let currentMethod = method
  let currentBody = body
  let currentHeaders = headers
  for (let hop = 0; ; hop++) {
    const response = await config.fetch(
      new Request(currentUrl, {
        method: currentMethod,
        headers: currentHeaders,
        body: currentBody,
        signal,
        redirect: 'manual',
      }),
    )
    if (response.type === 'opaqueredirect') {
      throw new RedirectError(
        'the server redirected, and this runtime does not let a client follow it safely',
      )
    }
    const location = response.headers.get('location')
    if (response.status < 300 || response.status >= 400 || location === null) return response
    await response.body?.cancel()
    if (hop >= MAX_REDIRECTS) throw new RedirectError(`more than ${MAX_REDIRECTS} redirects`)
    const next = new URL(location, currentUrl)
    // A copy: the caller's headers serve the next attempt as they were.
    currentHeaders = new Headers(currentHeaders)
    if (next.origin !== origin) {
      // The key belongs to the configured vendor only: never replay it to another origin.
      currentHeaders.delete(config.vendor.apiKeyHeader)
      for (const name of CREDENTIAL_HEADERS) currentHeaders.delete(name)
    }
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && currentMethod === 'POST')
    ) {
      currentMethod = 'GET'
      currentBody = undefined
      currentHeaders.delete('content-type')
    }
    currentUrl = next.href
  }
}

class RedirectError extends Error {}
class MalformedBodyError extends Error {}

/**
 * A response whose JSON body was parsed once already: `json()` hands out that value instead of parsing the same
 * bytes a second time (openapi-fetch calls `json()` when the response has a Content-Length).
 */
class ParsedJsonResponse extends Response {
  readonly #parsed: unknown

  constructor(body: ArrayBuffer, init: ResponseInit, parsed: unknown) {
    super(body, init)
    this.#parsed = parsed
  }

  override json(): Promise<unknown> {
    return Promise.resolve(this.#parsed)
  }
}

const utf8 = new TextDecoder()

/** Reads the body now; for JSON, checks that it parses, so that a truncated payload fails this attempt. */
async function readWhole(response: Response): Promise<Response> {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers }
  if (NULL_BODY_STATUSES.has(response.status)) {
    await response.body?.cancel()
    return new Response(null, init)
  }
  const bytes = await response.arrayBuffer()
  if (bytes.byteLength === 0) return new Response(null, init)
  if (!response.ok || !/json/i.test(response.headers.get('content-type') ?? ''))
    return new Response(bytes, init)
  let parsed: unknown
  try {
    parsed = JSON.parse(utf8.decode(bytes))
  } catch (error) {
    throw new MalformedBodyError('the response body is not valid JSON (cut off or corrupted)', {
      cause: error,
    })
  }
  // Without a Content-Length openapi-fetch would parse `text()` itself: give it one.
  const headers = response.headers.has('content-length') ? response.headers : new Headers(response.headers)
  if (headers !== response.headers) headers.set('content-length', String(bytes.byteLength))
  return new ParsedJsonResponse(bytes, { ...init, headers }, parsed)
}

function classify(error: unknown, timedOut: boolean): AttemptFailure {
  if (timedOut) return { kind: 'timeout', cause: error, notSent: false }
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
