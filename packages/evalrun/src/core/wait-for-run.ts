import {
  EvalrunApiError,
  EvalrunMalformedResponseError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
} from '@evalrun/http'
import { sleep } from '@evalrun/http/internal'
import { EvalrunInvalidInputError, EvalrunWaitDeadlineError } from './errors.js'
import type { EvalRun } from './model.js'

export interface WaitOptions {
  /** Overall deadline in milliseconds, polls and waits included. Default 30 minutes; `Infinity` for none. */
  timeoutMs?: number
  /** Stops the wait (and any request in flight) at once, rejecting with the signal's reason. */
  signal?: AbortSignal
  /** Called with the run after every successful poll (the final one included). */
  onProgress?: (run: EvalRun) => void
  /** First pause between polls. Default 1 000; it grows ×1.5 per poll up to `maxPollIntervalMs`. */
  pollIntervalMs?: number
  /** Longest pause between polls. Default 10 000. */
  maxPollIntervalMs?: number
  /**
   * How many polls in a row may fail with an error worth retrying (a 5xx or 429 after the HTTP layer's own
   * retries, a network failure) before the wait gives up and throws the last of them (an `EvalrunApiError` or
   * `EvalrunNetworkError`), rather than waiting out the deadline against a vendor that does not answer. A
   * successful poll starts the count again. Default 10; `Infinity` to wait out the deadline. Errors not worth
   * retrying (401, 404, …) end the wait at once.
   */
  maxFailedPolls?: number
  /** Called after each poll that failed with an error worth retrying, with how many have failed in a row. */
  onPollError?: (error: unknown, failedPolls: number) => void
}

export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000
export const DEFAULT_MAX_FAILED_POLLS = 10
const GROWTH = 1.5
/** Pauses vary by ±20% so that many waiters started together do not poll in lockstep. */
const JITTER = 0.2

interface ResolvedWaitOptions {
  timeoutMs: number
  pollIntervalMs: number
  maxPollIntervalMs: number
  maxFailedPolls: number
}

/**
 * Polls `getRun` until the run is terminal (completed, failed, canceled). `unknown` is not terminal: the wait
 * goes on backing off, against the same deadline, and never polls faster. Errors worth retrying (a retryable
 * API status, a network failure) do not end the wait until `maxFailedPolls` of them come in a row; others do.
 */
export async function waitForRun(
  ref: string,
  getRun: (signal: AbortSignal) => Promise<EvalRun>,
  options: WaitOptions = {},
  random: () => number = Math.random,
): Promise<EvalRun> {
  const { timeoutMs, pollIntervalMs, maxPollIntervalMs, maxFailedPolls } = resolveWaitOptions(options)
  const signal = options.signal ?? new AbortController().signal
  signal.throwIfAborted()
  const deadline = Date.now() + timeoutMs
  // The deadline also cuts short a poll in flight, so that a slow vendor cannot stretch the wait.
  const deadlineReached = new AbortController()
  const timer = Number.isFinite(timeoutMs) ? setTimeout(() => deadlineReached.abort(), timeoutMs) : undefined
  const pollSignal = AbortSignal.any([signal, deadlineReached.signal])
  let lastRun: EvalRun | null = null
  let lastError: unknown = null
  let failedPolls = 0
  try {
    for (let poll = 0; ; poll++) {
      try {
        const run = await getRun(pollSignal)
        lastRun = run
        lastError = null
        failedPolls = 0
        options.onProgress?.(run)
        if (run.terminal) return run
      } catch (error) {
        if (pollSignal.aborted) throw error
        if (!isTransient(error)) throw error
        lastError = error
        failedPolls++
        options.onPollError?.(error, failedPolls)
        if (failedPolls >= maxFailedPolls) throw error
      }
      const remaining = deadline - Date.now()
      if (remaining <= 0) throw timeoutError(ref, timeoutMs, lastRun, lastError)
      const base = Math.min(maxPollIntervalMs, pollIntervalMs * GROWTH ** poll)
      const pause = base * (1 - JITTER + 2 * JITTER * random())
      await sleep(Math.round(Math.min(pause, remaining)), pollSignal)
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason
    if (deadlineReached.signal.aborted) throw timeoutError(ref, timeoutMs, lastRun, lastError)
    throw error
  } finally {
    clearTimeout(timer)
  }
}

/** Worth polling again: the vendor or the network may well answer next time. */
function isTransient(error: unknown): boolean {
  if (EvalrunApiError.isInstance(error)) return error.isRetryable
  // A poll is a GET, so an unknown outcome cannot arise; were it to, it is no reason to stop waiting either. A
  // success that was not JSON (a body cut off or corrupted, a proxy's page) may be whole next time.
  return (
    EvalrunNetworkError.isInstance(error) ||
    EvalrunOutcomeUnknownError.isInstance(error) ||
    EvalrunMalformedResponseError.isInstance(error)
  )
}

function timeoutError(ref: string, timeoutMs: number, lastRun: EvalRun | null, lastError: unknown) {
  const state = lastRun
    ? `it was last seen ${lastRun.status} (vendor: ${lastRun.vendorStatus ?? 'none'})`
    : 'it was never read'
  const failing = lastError instanceof Error ? `; the last poll failed: ${lastError.message}` : ''
  return new EvalrunWaitDeadlineError({
    message: `Run ${ref} did not finish within ${timeoutMs} ms: ${state}${failing}.`,
    ref,
    timeoutMs,
    lastRun,
  })
}

function resolveWaitOptions(options: WaitOptions): ResolvedWaitOptions {
  if (typeof options !== 'object' || options === null) {
    throw new EvalrunInvalidInputError({ field: 'options', value: options, expected: 'an options object' })
  }
  const timeoutMs = positive('timeoutMs', options.timeoutMs, DEFAULT_WAIT_TIMEOUT_MS, true)
  const pollIntervalMs = positive('pollIntervalMs', options.pollIntervalMs, 1_000, false)
  const maxPollIntervalMs = positive('maxPollIntervalMs', options.maxPollIntervalMs, 10_000, false)
  if (maxPollIntervalMs < pollIntervalMs) {
    throw new EvalrunInvalidInputError({
      field: 'maxPollIntervalMs',
      value: maxPollIntervalMs,
      expected: `at least pollIntervalMs (${pollIntervalMs})`,
    })
  }
  for (const field of ['onProgress', 'onPollError'] as const) {
    if (options[field] !== undefined && typeof options[field] !== 'function') {
      throw new EvalrunInvalidInputError({ field, value: options[field], expected: 'a function' })
    }
  }
  return {
    timeoutMs,
    pollIntervalMs,
    maxPollIntervalMs,
    maxFailedPolls: failedPollBound(options.maxFailedPolls),
  }
}

function failedPollBound(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_FAILED_POLLS
  if (value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && (value as number) >= 1)) {
    return value as number
  }
  throw new EvalrunInvalidInputError({
    field: 'maxFailedPolls',
    value,
    expected: 'a whole number of polls, at least 1 (or Infinity)',
  })
}

function positive(field: string, value: unknown, fallback: number, infinityAllowed: boolean): number {
  if (value === undefined) return fallback
  const ok =
    typeof value === 'number' &&
    value > 0 &&
    (Number.isFinite(value) ? value <= 2_147_483_647 : infinityAllowed && value === Number.POSITIVE_INFINITY)
  if (!ok) {
    throw new EvalrunInvalidInputError({
      field,
      value,
      expected: `a positive number of milliseconds${infinityAllowed ? ' (or Infinity)' : ''}`,
    })
  }
  return value as number
}
