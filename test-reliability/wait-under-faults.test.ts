import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { type EvalRun, EvalrunApiError, EvalrunWaitDeadlineError, type StartRunInput } from 'evalrun'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordFigures } from './support/figures.js'
import { sandboxEvalrun } from './support/sandbox-evalrun.js'

/** A 'slow' answer that never comes within the test: only the deadline or the signal can end the wait. */
const NEVER_MS = 60_000

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 31, runs: 10, clock: 'manual' })
})
afterAll(() => sandbox.close())

function inputFor(vendor: 'datalab' | 'promptlayer' | 'humanloop' | 'braintrust'): StartRunInput {
  const { datalab, promptlayer, humanloop, braintrust } = sandbox.catalog
  if (vendor === 'braintrust') {
    const project = braintrust.projects[0]!
    return {
      vendor,
      projectId: project.id,
      data: { dataset_id: project.datasetId },
      task: { function_id: project.taskFunctionId },
      scores: braintrust.scores,
    }
  }
  if (vendor === 'datalab') {
    return { vendor, collectionId: datalab.collections[0]!.id, rubricId: datalab.rubrics[0]!.id }
  }
  if (vendor === 'promptlayer') return { vendor, pipelineId: promptlayer.pipelines[0]!.id, name: 'wait' }
  return {
    vendor,
    evaluationId: humanloop.evaluations[0]!.id,
    dataset: { versionId: humanloop.datasets[0]!.versionId },
    version: { versionId: humanloop.versions[0]!.versionId },
  }
}

/** Sandbox time moves 0.3 s per request, so a run progresses as it is polled, with no real waiting. */
const advancingFetch = (request: Request) => {
  sandbox.clock.advance(300)
  return globalThis.fetch(request)
}

describe('runs.wait under faults', () => {
  it('transient errors (no retries below it) do not end the wait', async () => {
    const figures = []
    // Braintrust's status is derived (see its rule): its wait ends once the eval has been quiet for its period.
    for (const vendor of ['datalab', 'promptlayer', 'humanloop', 'braintrust'] as const) {
      const run = await sandboxEvalrun(sandbox).runs.start(inputFor(vendor) as never)
      // Retries off: every fault reaches the wait itself as an error.
      const evalrun = sandboxEvalrun(sandbox, { retry: false, fetch: advancingFetch })
      const before = sandbox.stats()
      sandbox.setFaults({
        rate: 0.5,
        seed: 3,
        kinds: ['429', '500', '502', '503', 'reset', 'truncated'],
        retryAfterSeconds: 0,
      })
      const seen: EvalRun[] = []
      const done = await evalrun.runs
        .wait(run, {
          pollIntervalMs: 1,
          maxPollIntervalMs: 5,
          timeoutMs: 30_000,
          // Half the requests fail: streaks of failed polls are expected here, and must not end the wait.
          maxFailedPolls: Number.POSITIVE_INFINITY,
          onProgress: (r) => seen.push(r),
        })
        .finally(() => sandbox.setFaults(null))
      const faults = sandbox.stats().faultsInjected - before.faultsInjected
      expect(done.terminal).toBe(true)
      expect(done.ref).toBe(run.ref)
      expect(faults).toBeGreaterThan(0)
      figures.push({ vendor, finalStatus: done.status, successfulPolls: seen.length, faultsSurvived: faults })
    }
    recordFigures('wait-transient', { faultRate: 0.5, runs: figures })
  }, 60_000)

  it('the deadline is honoured when every poll fails', async () => {
    const run = await sandboxEvalrun(sandbox).runs.start(inputFor('datalab') as never)
    sandbox.setFaults({ rate: 1, kinds: ['503'], retryAfterSeconds: 0 })
    const evalrun = sandboxEvalrun(sandbox, { retry: false })
    const error = await evalrun.runs
      .wait(run, {
        timeoutMs: 300,
        pollIntervalMs: 10,
        maxPollIntervalMs: 20,
        maxFailedPolls: Number.POSITIVE_INFINITY,
      })
      .catch((e: unknown) => e)
      .finally(() => sandbox.setFaults(null))
    expect(EvalrunWaitDeadlineError.isInstance(error)).toBe(true)
    const timeout = error as EvalrunWaitDeadlineError
    expect(timeout.timeoutMs).toBe(300)
    expect(timeout.message).toMatch(
      /did not finish within 300 ms: it was never read; the last poll failed: .*503/,
    )
    recordFigures('wait-deadline', { timeoutMs: 300, everyPollFailed: true, message: timeout.message })
  })

  it('a vendor failing every poll ends the wait after maxFailedPolls (default 10), with its error', async () => {
    const run = await sandboxEvalrun(sandbox).runs.start(inputFor('datalab') as never)
    sandbox.setFaults({ rate: 1, kinds: ['503'], retryAfterSeconds: 0 })
    const evalrun = sandboxEvalrun(sandbox, { retry: false })
    const failed: number[] = []
    const error = await evalrun.runs
      .wait(run, {
        timeoutMs: 60_000,
        pollIntervalMs: 1,
        maxPollIntervalMs: 2,
        onPollError: (_error, n) => failed.push(n),
      })
      .catch((e: unknown) => e)
      .finally(() => sandbox.setFaults(null))
    expect(EvalrunApiError.isInstance(error) && error.status).toBe(503)
    expect(failed).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('the deadline cuts short a poll in flight', async () => {
    const run = await sandboxEvalrun(sandbox).runs.start(inputFor('datalab') as never)
    sandbox.setFaults({ rate: 1, kinds: ['slow'], latencyMs: NEVER_MS })
    const started = Date.now()
    const error = await sandboxEvalrun(sandbox)
      .runs.wait(run, { timeoutMs: 300 })
      .catch((e: unknown) => e)
      .finally(() => sandbox.setFaults(null))
    // Not a timing assertion: it shows the wait did not sit out the minute-long answer.
    expect(Date.now() - started).toBeLessThan(NEVER_MS / 2)
    expect(EvalrunWaitDeadlineError.isInstance(error)).toBe(true)
  })

  it('an AbortSignal stops it at once, request in flight included, with the signal’s reason', async () => {
    const run = await sandboxEvalrun(sandbox).runs.start(inputFor('promptlayer') as never)
    sandbox.setFaults({ rate: 1, kinds: ['slow'], latencyMs: NEVER_MS })
    const controller = new AbortController()
    const requestsBefore = sandbox.stats().requests
    const started = Date.now()
    const waiting = sandboxEvalrun(sandbox)
      .runs.wait(run, { signal: controller.signal })
      .catch((e: unknown) => e)
    // Abort once the poll has reached the sandbox, so that a request is truly in flight.
    while (sandbox.stats().requests === requestsBefore) await new Promise((r) => setTimeout(r, 5))
    const reason = new Error('deploy cancelled')
    controller.abort(reason)
    expect(await waiting).toBe(reason)
    sandbox.setFaults(null)
    expect(Date.now() - started).toBeLessThan(NEVER_MS / 2)
    // An already aborted signal sends nothing.
    const requests = sandbox.stats().requests
    await expect(sandboxEvalrun(sandbox).runs.wait(run, { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    )
    expect(sandbox.stats().requests).toBe(requests)
    recordFigures('wait-abort', {
      rejectedWithTheSignalReason: true,
      answerDelayMs: NEVER_MS,
      requestsSentWithAnAbortedSignal: sandbox.stats().requests - requests,
    })
  })
})
