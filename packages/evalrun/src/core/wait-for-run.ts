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
}

export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000
const GROWTH = 1.5
/** Pauses vary by ±20% so that many waiters started together do not poll in lockstep. */
const JITTER = 0.2

interface ResolvedWaitOptions {
  timeoutMs: number
  pollIntervalMs: number
  maxPollIntervalMs: number
}

/**
 * Polls `getRun` until the run is terminal (completed, failed, canceled). `unknown` is not terminal: the wait
 * goes on backing off, against the same deadline, and never polls faster. Errors worth retrying (a retryable
 * API status, a network failure) do not end the wait; others do.
 */
export async function waitForRun(
  ref: string,
  getRun: (signal: AbortSignal) => Promise<EvalRun>,
  options: WaitOptions = {},
  random: () => number = Math.random,
): Promise<EvalRun> {
  const { timeoutMs, pollIntervalMs, maxPollIntervalMs } = resolveWaitOptions(options)
  const signal = options.signal ?? new AbortController().signal
  signal.throwIfAborted()
  const deadline = Date.now() + timeoutMs
  // The deadline also cuts short a poll in flight, so that a slow vendor cannot stretch the wait.
  const deadlineReached = new AbortController()
  const timer = Number.isFinite(timeoutMs) ? setTimeout(() => deadlineReached.abort(), timeoutMs) : undefined
  const pollSignal = AbortSignal.any([signal, deadlineReached.signal])
  let lastRun: EvalRun | null = null
  let lastError: unknown = null
  try {
    for (let poll = 0; ; poll++) {
      try {
        const run = await getRun(pollSignal)
        lastRun = run
        lastError = null
        options.onProgress?.(run)
        if (run.terminal) return run
      } catch (error) {
        if (pollSignal.aborted) throw error
        if (!isTransient(error)) throw error
        lastError = error
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
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new EvalrunInvalidInputError({
      field: 'onProgress',
      value: options.onProgress,
      expected: 'a function',
    })
  }
  return { timeoutMs, pollIntervalMs, maxPollIntervalMs }
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
