export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number
  /** First backoff ceiling; it doubles each retry (full jitter: a random wait up to the ceiling). Default 500. */
  baseDelayMs?: number
  /** Largest backoff ceiling. Default 8 000. */
  maxDelayMs?: number
  /** A `Retry-After` longer than this is not waited for: the response is returned as it is. Default 60 000. */
  maxRetryAfterMs?: number
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase())
}

/**
 * Whether a response status is worth another attempt. A request that changes state (not `idempotent`) is retried
 * only when the status proves the server did not process it (429 rate limited, 503 not accepting work).
 */
export function isRetryableStatus(status: number, idempotent: boolean): boolean {
  if (status === 429 || status === 503) return true
  return (status === 408 || status >= 500) && idempotent
}

/** The server's requested wait in ms, from `retry-after-ms` or `Retry-After` (seconds or an HTTP date). */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | null {
  const ms = headers.get('retry-after-ms')
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms)
    if (Number.isFinite(value) && value >= 0) return value
  }
  const header = headers.get('retry-after')
  if (header === null || header.trim() === '') return null
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Number(header) * 1000
  const date = Date.parse(header)
  if (Number.isNaN(date)) return null
  return Math.max(0, date - now)
}

/** Exponential backoff with full jitter for retry number `retry` (0 for the first retry). */
export function backoffDelay(
  retry: number,
  options: Required<RetryOptions>,
  random: () => number = Math.random,
) {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry)
  return Math.floor(random() * ceiling)
}
