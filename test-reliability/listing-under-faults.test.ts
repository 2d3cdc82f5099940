import { type FaultOptions, type Sandbox, startSandbox } from '@evalrun/sandbox'
import { collect } from '@evalrun/test-support'
import { type EvalRun, EvalrunListError } from 'evalrun'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { duplicatesOf } from './support/duplicates.js'
import { recordFigures } from './support/figures.js'
import { sandboxEvalrun } from './support/sandbox-evalrun.js'

const RUNS_PER_VENDOR = 2_000
// More suites than the default 3, so that Humanloop reads many evaluations (two requests each).
const SUITES = 30
const FAULT_RATE = 0.2
// Datalab needs only 10 requests and PromptLayer 1 per listing: several listings (each its own fault
// sequence) meet enough faults to mean something.
const LISTINGS_WITH_FAULTS = 5
/**
 * The 2 s latency is kept, but each attempt may take only 600 ms: a slow answer is abandoned and
 * retried, which exercises the per-attempt timeout and keeps the suite fast.
 */
const SLOW_MS = 2_000
const ATTEMPT_TIMEOUT_MS = 600

const allFaults = (seed: number): FaultOptions => ({
  rate: FAULT_RATE,
  seed,
  latencyMs: SLOW_MS,
  retryAfterSeconds: 0,
})

/**
 * The vendors whose listing reads pages only. Braintrust reads two more answers per experiment (its summary and
 * newest trace): 2,000 of them under faults would take minutes, so it has its own, smaller scenario below.
 */
const PAGED = ['datalab', 'promptlayer', 'humanloop', 'openai', 'langfuse', 'phoenix'] as const
const BRAINTRUST_EXPERIMENTS = 300
const BRAINTRUST_LISTINGS_WITH_FAULTS = 3

let sandbox: Sandbox
let baseline: string[]
/**
 * From before any seeded run, for every vendor: without `since` a Langfuse listing covers its last 30 days only
 * (and says so); with it, every seeded experiment is listed like every other vendor's runs.
 */
const SINCE = '2025-01-01'

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 8, runs: RUNS_PER_VENDOR, suites: SUITES, clock: 'manual' })
  baseline = (await collect(sandboxEvalrun(sandbox).runs.list({ vendors: [...PAGED], since: SINCE }))).map(
    (run) => run.ref,
  )
}, 60_000)
afterAll(() => sandbox.close())

const perVendor = (refs: readonly string[]) =>
  Object.fromEntries(PAGED.map((v) => [v, refs.filter((r) => r.startsWith(`${v}:`)).length]))

describe('runs.list under faults', () => {
  it('without faults lists every seeded run once', () => {
    // PromptLayer also lists each seeded Tables sheet's latest scoring.
    const tablesSheets = sandbox.catalog.promptlayer.sheets.length
    expect(perVendor(baseline)).toEqual({
      ...Object.fromEntries(PAGED.map((vendor) => [vendor, RUNS_PER_VENDOR])),
      promptlayer: RUNS_PER_VENDOR + tablesSheets,
    })
    expect(duplicatesOf(baseline)).toEqual([])
  })

  it('with 20% faulty responses returns exactly the same set of refs, none lost or duplicated', async () => {
    const baselineSet = new Set(baseline)
    const listings = []
    for (let seed = 1; seed <= LISTINGS_WITH_FAULTS; seed++) {
      sandbox.setFaults(allFaults(seed))
      const before = sandbox.stats()
      const evalrun = sandboxEvalrun(sandbox, { timeoutMs: ATTEMPT_TIMEOUT_MS })
      const refs = (await collect(evalrun.runs.list({ vendors: [...PAGED], since: SINCE }))).map(
        (run) => run.ref,
      )
      const after = sandbox.stats()
      const listed = new Set(refs)
      const lost = baseline.filter((ref) => !listed.has(ref))
      const extra = refs.filter((ref) => !baselineSet.has(ref))
      const duplicates = duplicatesOf(refs)
      listings.push({
        faultSeed: seed,
        runsListed: refs.length,
        requests: after.requests - before.requests,
        faultsInjected: after.faultsInjected - before.faultsInjected,
        lost: lost.length,
        unexpected: extra.length,
        duplicates: duplicates.length,
      })
      expect({ lost, extra, duplicates }).toEqual({ lost: [], extra: [], duplicates: [] })
      expect(refs).toHaveLength(baseline.length)
    }
    sandbox.setFaults(null)
    // A listing that met no fault would prove nothing.
    for (const listing of listings) expect(listing.faultsInjected).toBeGreaterThan(5)
    recordFigures('listing-under-faults', {
      runsPerVendor: RUNS_PER_VENDOR,
      suitesPerVendor: SUITES,
      faultRate: FAULT_RATE,
      faultKinds: ['429 (Retry-After: 0)', '500', '502', '503', 'reset', 'truncated', `slow ${SLOW_MS} ms`],
      attemptTimeoutMs: ATTEMPT_TIMEOUT_MS,
      baselineRuns: baseline.length,
      listings,
    })
  }, 120_000)

  it('a page that cannot be had names the vendor and the page; runs already yielded stay valid', async () => {
    const evalrun = sandboxEvalrun(sandbox, { retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 } })
    const yielded: EvalRun[] = []
    let failure: unknown
    try {
      for await (const run of evalrun.runs.list({ vendors: ['datalab'] })) {
        yielded.push(run)
        // Datalab pages hold 200 runs: once the first page is in, every later request fails.
        if (yielded.length === 1) sandbox.setFaults({ rate: 1, kinds: ['503'], vendors: ['datalab'] })
      }
    } catch (error) {
      failure = error
    } finally {
      sandbox.setFaults(null)
    }
    expect(failure).toBeInstanceOf(EvalrunListError)
    const error = failure as EvalrunListError
    expect(error.failures.map((f) => f.vendor)).toEqual(['datalab'])
    expect(error.message).toMatch(/Datalab/)
    // The first page (offset 0) was read; the one that failed is the second (offset 200).
    expect(error.message).toMatch(/failed page: GET \/datalab\/api\/v1\/eval_batch_runs\?.*offset=200/)
    expect(yielded).toHaveLength(200)
    expect(error.partial.yielded).toBe(200)
    const fresh = sandboxEvalrun(sandbox)
    for (const run of yielded.slice(0, 20)) {
      expect(baseline).toContain(run.ref)
      expect((await fresh.runs.get(run)).ref).toBe(run.ref)
    }
    recordFigures('listing-page-failure', {
      yieldedBeforeFailure: yielded.length,
      message: error.message,
    })
  })
})

describe('Braintrust listing under faults (its details read per experiment)', () => {
  it(`with 20% faulty responses lists the same ${BRAINTRUST_EXPERIMENTS} experiments, each with its score`, async () => {
    const own = await startSandbox({ seed: 9, runs: BRAINTRUST_EXPERIMENTS, suites: 10, clock: 'manual' })
    try {
      const read = async (options: { timeoutMs?: number } = {}) =>
        (await collect(sandboxEvalrun(own, options).runs.list({ vendors: ['braintrust'] }))).map((run) => [
          run.ref,
          run.status,
          run.score,
        ])
      const expected = await read()
      expect(expected).toHaveLength(BRAINTRUST_EXPERIMENTS)
      const listings = []
      for (let seed = 1; seed <= BRAINTRUST_LISTINGS_WITH_FAULTS; seed++) {
        own.setFaults(allFaults(seed))
        const before = own.stats()
        const listed = await read({ timeoutMs: ATTEMPT_TIMEOUT_MS })
        const after = own.stats()
        own.setFaults(null)
        // Same refs, in the same order, each with the same derived status and score: no detail read lost.
        expect(listed).toEqual(expected)
        listings.push({
          faultSeed: seed,
          experimentsListed: listed.length,
          requests: after.requests - before.requests,
          faultsInjected: after.faultsInjected - before.faultsInjected,
        })
      }
      for (const listing of listings) expect(listing.faultsInjected).toBeGreaterThan(50)
      recordFigures('listing-under-faults-braintrust', {
        experiments: BRAINTRUST_EXPERIMENTS,
        faultRate: FAULT_RATE,
        attemptTimeoutMs: ATTEMPT_TIMEOUT_MS,
        listings,
      })
    } finally {
      await own.close()
    }
  }, 180_000)
})
