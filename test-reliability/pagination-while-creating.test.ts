import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { collect } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { duplicatesOf } from './support/duplicates.js'
import { recordFigures } from './support/figures.js'
import { sandboxEvalrun } from './support/sandbox-evalrun.js'

const SEEDED = 2_000
const PAGE = 200 // Datalab's page size in the adapter
const CREATED_PER_PAGE = 30

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21, runs: SEEDED, clock: 'manual' })
})
afterAll(() => sandbox.close())

/** A fetch that counts every Datalab run id the vendor served, repeats included (the facade hides them). */
function countingFetch() {
  const served: number[] = []
  const fetch = async (request: Request): Promise<Response> => {
    const response = await globalThis.fetch(request)
    if (request.method === 'GET' && new URL(request.url).pathname.endsWith('/eval_batch_runs')) {
      const body = (await response.clone().json()) as { batch_runs?: Array<{ id: number }> }
      for (const run of body.batch_runs ?? []) served.push(run.id)
    }
    return response
  }
  return { fetch, served }
}

describe('offset pagination while runs are being created', () => {
  it('yields no duplicates; runs created meanwhile are missed, and a listing with `since` finds them', async () => {
    const seededRefs = (await collect(sandboxEvalrun(sandbox).runs.list({ vendors: ['datalab'] }))).map(
      (run) => run.ref,
    )
    const listingStartedAt = sandbox.clock.now()
    const { fetch, served } = countingFetch()
    const evalrun = sandboxEvalrun(sandbox, { fetch })
    const creator = sandboxEvalrun(sandbox)
    const { collections, rubrics } = sandbox.catalog.datalab
    const createdMeanwhile: string[] = []
    const yielded: string[] = []
    for await (const run of evalrun.runs.list({ vendors: ['datalab'] })) {
      yielded.push(run.ref)
      // Half-way through each page (the next page is not requested yet), new runs arrive at the top of
      // Datalab's newest-first order and push every later page down.
      if (yielded.length % PAGE === PAGE / 2) {
        for (let i = 0; i < CREATED_PER_PAGE; i++) {
          const started = await creator.runs.start({
            vendor: 'datalab',
            collectionId: collections[0]!.id,
            rubricId: rubrics[0]!.id,
          })
          createdMeanwhile.push(started.ref)
        }
      }
    }

    const repeatsServed = served.length - new Set(served).size
    expect(repeatsServed).toBeGreaterThan(0) // the shift really happened…
    expect(duplicatesOf(yielded)).toEqual([]) // …and no run was yielded twice
    const yieldedSet = new Set(yielded)
    expect(seededRefs.filter((ref) => !yieldedSet.has(ref))).toEqual([]) // no run that existed was lost
    const missed = createdMeanwhile.filter((ref) => !yieldedSet.has(ref))

    // A second listing from the moment the first began catches every run the first could not see.
    const caughtUp = (
      await collect(sandboxEvalrun(sandbox).runs.list({ vendors: ['datalab'], since: listingStartedAt }))
    ).map((run) => run.ref)
    expect(new Set(caughtUp)).toEqual(new Set(createdMeanwhile))
    for (const ref of missed) expect(caughtUp).toContain(ref)

    recordFigures('pagination-while-creating', {
      seededRuns: SEEDED,
      createdDuringListing: createdMeanwhile.length,
      createdHalfWayThroughEachPage: CREATED_PER_PAGE,
      runsServedByVendor: served.length,
      repeatsServedByVendor: repeatsServed,
      duplicatesYielded: duplicatesOf(yielded).length,
      seededRunsLost: 0,
      createdDuringListingMissed: missed.length,
      caughtBySecondListingWithSince: caughtUp.length,
    })
  }, 60_000)
})
