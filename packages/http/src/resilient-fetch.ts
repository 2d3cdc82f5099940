import { describeCause, errorCode } from './cause.js'
import type { ResolvedClientConfig } from './config.js'
import {
  EvalrunMalformedResponseError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
} from './errors.js'
import { MalformedBodyError, readResponse } from './read-response.js'
import { redactUrl } from './redact.js'
import { backoffDelay, isIdempotent, isRetryableStatus, parseRetryAfter } from './retry-policy.js'
import { sleep } from './signals.js'
import { withTimeLimit } from './time-limit.js'
import { readOnlyPostPattern } from './vendor.js'

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

type AttemptFailure = { kind: 'timeout' | 'network' | 'malformed'; cause: unknown; notSent: boolean }

/**
 * The `fetch` given to openapi-fetch, whose requests already carry the config's headers. Each attempt gets its own
 * time limit; failed attempts are retried with backoff (a POST only when it provably never left); redirects are
 * followed by hand; the body is read whole before returning, except an event stream's when the vendor declares
 * `eventStreams` (see hold-event-stream.ts). A success that is not the JSON asked for is retried as a cut-off body
 * is (see read-response.ts).
 */
export function createResilientFetch(
  config: ResolvedClientConfig,
): (request: Request, callerSignal?: AbortSignal) => Promise<Response> {
  const maxRetries = config.retry === false ? 0 : config.retry.maxRetries
  const origin = new URL(config.baseUrl).origin
  const readOnlyPosts = readOnlyPostPattern(config.vendor, config.baseUrl)

  return async function resilientFetch(request: Request, callerSignal?: AbortSignal): Promise<Response> {
    const method = request.method
    const idempotent =
      isIdempotent(method) || (method === 'POST' && readOnlyPosts !== null && readOnlyPosts.test(request.url))
    // Read once, so that every attempt can send the body again.
    const body = request.body === null ? undefined : await request.arrayBuffer()

    for (let attempt = 0; ; attempt++) {
      callerSignal?.throwIfAborted()
      const canRetry = attempt < maxRetries
      let failure: AttemptFailure
      // A token provider's errors are the caller's own: thrown as they are, outside the attempt's time limit.
      const token = config.auth.perAttempt === null ? null : await config.auth.perAttempt()
      try {
        const toSend = authorized(config, request, body, token)
        const response = await withTimeLimit(config.timeoutMs, callerSignal, (init) =>
          send(config, origin, toSend, body, init),
        )
        if (canRetry && isRetryableStatus(response.status, idempotent)) {
          const delay = retryDelay(config, response.headers, attempt)
          if (delay !== null) {
            await sleep(delay, callerSignal)
            continue
          }
        }
        return response
      } catch (error) {
        if (callerSignal?.aborted) throw callerSignal.reason
        failure = classify(error)
      }
      const safeToRepeat = idempotent || failure.notSent
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

/** One attempt: `request` sent, redirects followed by hand (credentials never go to another origin), body read. */
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
    if (response.type === 'opaqueredirect') {
      throw new RedirectError(
        'the server redirected, and this runtime does not let a client follow it safely',
      )
    }
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null
    if (location === null) {
      const held = response.ok ? config.vendor.eventStreams?.hold(response, current, init, config) : null
      return held ?? readResponse(response, current, config.auth.redact)
    }
    await response.body?.cancel()
    if (hop >= MAX_REDIRECTS) throw new RedirectError(`more than ${MAX_REDIRECTS} redirects`)
    const next = new URL(location, current.url)
    const headers = new Headers(current.headers)
    if (next.origin !== origin) {
      headers.delete(config.auth.header)
      for (const name of CREDENTIAL_HEADERS) headers.delete(name)
    }
    let method = current.method
    // As browsers do: 303 always, and 301/302 after a POST, continue as a GET without a body.
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && method === 'POST')
    ) {
      method = 'GET'
      currentBody = undefined
      headers.delete('content-type')
    }
    current = rebuild(next.href, method, headers, currentBody)
  }
}

/** The attempt's request: `request` itself, or rebuilt to send its body again or carry a fresh token. */
function authorized(
  config: ResolvedClientConfig,
  request: Request,
  body: ArrayBuffer | undefined,
  token: string | null,
): Request {
  if (token === null)
    return body === undefined ? request : rebuild(request.url, request.method, request.headers, body)
  const headers = new Headers(request.headers)
  headers.set(config.auth.header, token)
  return rebuild(request.url, request.method, headers, body)
}

/**
 * A request built here (a body sent again, a redirect hop). `redirect: 'manual'` is on the Request itself, as on
 * openapi-fetch's, so that a fetch that ignores `init` still never follows a redirect.
 */
function rebuild(url: string, method: string, headers: Headers, body: ArrayBuffer | undefined): Request {
  return new Request(url, { method, headers, body, redirect: 'manual' })
}

class RedirectError extends Error {}

function classify(error: unknown): AttemptFailure {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return { kind: 'timeout', cause: error, notSent: false }
  if (error instanceof MalformedBodyError) return { kind: 'malformed', cause: error, notSent: false }
  const code = errorCode(error)
  return { kind: 'network', cause: error, notSent: code !== null && NOT_SENT_CODES.has(code) }
}

function toError(
  config: ResolvedClientConfig,
  failure: AttemptFailure,
  method: string,
  rawUrl: string,
  attempts: number,
  safeToRepeat: boolean,
): Error {
  const { vendor, timeoutMs } = config
  const url = config.auth.redact(redactUrl(rawUrl))
  const where = `${method} ${url}`
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`
  const fields = { vendor: vendor.id, method, url, attempts, cause: failure.cause }
  const connection = () => config.auth.redact(describeCause(failure.cause))
  const malformed = failure.kind === 'malformed' ? (failure.cause as MalformedBodyError) : null
  const answered = malformed && `answered ${malformed.status} with ${malformed.problem}`
  if (malformed) {
    const error = new EvalrunMalformedResponseError({
      message: `${vendor.displayName}: ${where} ${answered} (${tries}). Is the base URL the API's?`,
      ...fields,
      cause: undefined,
      status: malformed.status,
      problem: malformed.problem,
    })
    if (safeToRepeat) return error
    // After a POST that changes state it is, like a cut-off body, an unknown outcome (the vendor may have acted and
    // a proxy answered, or the other way round), with the malformed error as its cause.
    fields.cause = error
  }
  if (!safeToRepeat) {
    const what =
      failure.kind === 'timeout'
        ? `no answer within ${timeoutMs} ms`
        : (answered ?? `the connection failed (${connection()})`)
    return new EvalrunOutcomeUnknownError({
      message: `${vendor.displayName}: ${where} was sent but ${what}; it may or may not have taken effect, so it was not retried. Check in ${vendor.displayName} before sending it again.`,
      ...fields,
    })
  }
  if (failure.kind === 'timeout') {
    return new EvalrunRequestTimeoutError({
      message: `${vendor.displayName}: ${where} timed out after ${timeoutMs} ms (${tries}).`,
      ...fields,
      timeoutMs,
    })
  }
  return new EvalrunNetworkError({
    message: `${vendor.displayName}: ${where} failed: ${connection()} (${tries}).`,
    ...fields,
  })
}
