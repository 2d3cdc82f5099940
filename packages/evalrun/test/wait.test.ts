import { EvalrunApiError, EvalrunMalformedResponseError, EvalrunNetworkError } from '@evalrun/http'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EvalrunWaitDeadlineError } from '../src/core/errors.js'
import type { EvalRun } from '../src/core/model.js'
import { waitForRun } from '../src/core/wait-for-run.js'
import { mapDatalabRun } from '../src/vendors/datalab/map-run.js'
import { datalabRunProcessing } from './fixtures/datalab.js'

// In progress by Datalab's counters, so an unknown word stays unknown.
const run = (status: string): EvalRun => mapDatalabRun({ ...datalabRunProcessing, status })

function apiError(status: number, isRetryable: boolean) {
  return new EvalrunApiError({
    message: `Datalab answered ${status}`,
    vendor: 'datalab',
    status,
    method: 'GET',
    operation: 'GET /api/v1/eval_batch_runs/{run_id}',
    url: 'https://www.datalab.to/api/v1/eval_batch_runs/1',
    requestId: null,
    body: null,
    isRetryable,
  })
}

/** A getRun that answers from a script, one entry per poll (the last one repeats). */
function scripted(script: (EvalRun | Error)[]) {
  let calls = 0
  const getRun = vi.fn(async () => {
    const next = script[Math.min(calls++, script.length - 1)] as EvalRun | Error
    if (next instanceof Error) throw next
    return next
  })
  return getRun
}

/** No jitter: pauses are exactly 1 000 × 1.5^n, capped at 10 000. */
const noJitter = () => 0.5

describe('waitForRun', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it.each(['completed', 'failed', 'cancelled'])('ends on the terminal status %s', async (status) => {
    const getRun = scripted([run('pending'), run('processing'), run(status)])
    const onProgress = vi.fn()
    const waiting = waitForRun('datalab:1', getRun, { onProgress }, noJitter)
    await vi.advanceTimersByTimeAsync(1_000 + 1_500)
    const final = await waiting
    expect(final.terminal).toBe(true)
    expect(getRun).toHaveBeenCalledTimes(3)
    expect(onProgress.mock.calls.map(([r]) => r.status)).toEqual(['queued', 'running', final.status])
  })

  it('backs off 1 s ×1.5 up to 10 s', async () => {
    const getRun = scripted([run('processing')])
    const waiting = waitForRun('datalab:1', getRun, { timeoutMs: 60_000 }, noJitter).catch((e: unknown) => e)
    const pauses = [1_000, 1_500, 2_250, 3_375, 5_063, 7_594, 10_000, 10_000]
    for (const [index, pause] of pauses.entries()) {
      expect(getRun).toHaveBeenCalledTimes(index + 1)
      await vi.advanceTimersByTimeAsync(pause - 1)
      expect(getRun).toHaveBeenCalledTimes(index + 1)
      await vi.advanceTimersByTimeAsync(1)
    }
    await vi.advanceTimersByTimeAsync(60_000)
    await waiting
  })

  it('does not spin on unknown: it keeps backing off until the deadline', async () => {
    const getRun = scripted([run('mystery')])
    const waiting = waitForRun('datalab:1', getRun, { timeoutMs: 30_000 }, noJitter).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(30_000)
    const error = await waiting
    expect(EvalrunWaitDeadlineError.isInstance(error)).toBe(true)
    const timeout = error as EvalrunWaitDeadlineError
    expect(timeout.lastRun?.status).toBe('unknown')
    expect(timeout.message).toBe(
      'Run datalab:1 did not finish within 30000 ms: it was last seen unknown (vendor: mystery).',
    )
    // 1 + 1.5 + 2.25 + 3.375 + 5.06 + 7.59 + 10 = 30.8 s: seven polls fit in 30 s, not hundreds.
    expect(getRun).toHaveBeenCalledTimes(7)
  })

  it('keeps waiting through transient errors', async () => {
    const getRun = scripted([
      apiError(503, true),
      new EvalrunNetworkError({
        message: 'socket hang up',
        vendor: 'datalab',
        method: 'GET',
        url: 'u',
        attempts: 3,
      }),
      new EvalrunMalformedResponseError({
        message: 'a body that is not valid JSON',
        vendor: 'datalab',
        method: 'GET',
        url: 'u',
        status: 200,
        problem: 'an application/json body that is not valid JSON (cut off or corrupted)',
        attempts: 3,
      }),
      run('completed'),
    ])
    const waiting = waitForRun('datalab:1', getRun, {}, noJitter)
    await vi.advanceTimersByTimeAsync(1_000 + 1_500 + 2_250)
    expect((await waiting).status).toBe('completed')
  })

  it('gives up after maxFailedPolls failed polls in a row, throwing the last error and saying each one', async () => {
    const getRun = scripted([run('processing'), apiError(500, true)])
    const onPollError = vi.fn()
    const waiting = waitForRun('datalab:1', getRun, { maxFailedPolls: 3, onPollError }, noJitter).catch(
      (e: unknown) => e,
    )
    await vi.advanceTimersByTimeAsync(1_000 + 1_500 + 2_250)
    const error = await waiting
    expect(EvalrunApiError.isInstance(error) && error.status).toBe(500)
    expect(getRun).toHaveBeenCalledTimes(4)
    expect(onPollError.mock.calls.map(([e, n]) => [(e as EvalrunApiError).status, n])).toEqual([
      [500, 1],
      [500, 2],
      [500, 3],
    ])
  })

  it('counts failed polls in a row only: a poll that answers starts the count again', async () => {
    const failing = apiError(503, true)
    const getRun = scripted([failing, failing, run('processing'), failing, failing, run('completed')])
    const waiting = waitForRun('datalab:1', getRun, { maxFailedPolls: 3 }, noJitter)
    await vi.advanceTimersByTimeAsync(60_000)
    expect((await waiting).status).toBe('completed')
  })

  it('gives up after 10 failed polls by default, long before the 30-minute deadline', async () => {
    const getRun = scripted([apiError(500, true)])
    const waiting = waitForRun('datalab:1', getRun, {}, noJitter).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(120_000)
    const error = await waiting
    expect(EvalrunApiError.isInstance(error)).toBe(true)
    expect(getRun).toHaveBeenCalledTimes(10)
  })

  it('ends on an error that will not go away', async () => {
    const getRun = scripted([run('processing'), apiError(401, false)])
    const waiting = waitForRun('datalab:1', getRun, {}, noJitter).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(((await waiting) as EvalrunApiError).status).toBe(401)
  })

  it('stops at once when aborted, with the signal reason', async () => {
    const controller = new AbortController()
    const getRun = scripted([run('processing')])
    const waiting = waitForRun('datalab:1', getRun, { signal: controller.signal }, noJitter).catch(
      (e: unknown) => e,
    )
    await vi.advanceTimersByTimeAsync(1_200)
    controller.abort(new Error('user gave up'))
    expect(((await waiting) as Error).message).toBe('user gave up')
    expect(getRun).toHaveBeenCalledTimes(2)
  })

  it('cuts short a poll that is still running at the deadline', async () => {
    const getRun = vi.fn(
      (signal: AbortSignal) =>
        new Promise<EvalRun>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    )
    const waiting = waitForRun('datalab:1', getRun, { timeoutMs: 5_000 }, noJitter).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(5_000)
    const error = (await waiting) as EvalrunWaitDeadlineError
    expect(EvalrunWaitDeadlineError.isInstance(error)).toBe(true)
    expect(error.message).toContain('it was never read')
  })

  it('rejects bad options before polling', async () => {
    const getRun = scripted([run('completed')])
    await expect(waitForRun('datalab:1', getRun, { timeoutMs: -1 })).rejects.toThrow('Invalid `timeoutMs`')
    await expect(waitForRun('datalab:1', getRun, { maxFailedPolls: 0 })).rejects.toThrow(
      'Invalid `maxFailedPolls`',
    )
    await expect(waitForRun('datalab:1', getRun, { pollIntervalMs: 0 })).rejects.toThrow(
      'Invalid `pollIntervalMs`',
    )
    expect(getRun).not.toHaveBeenCalled()
  })
})
