/**
 * (7) Waiting: `runs.wait` on sandbox runs that finish at known times (a Datalab batch run is queued 2 s, then
 * takes 0.5 s per file of its collection), beside fixed 500 ms polling of the same run (what the Humanloop SDK
 * does). Both wait on the same run at the same time; each has its own counted `fetch`.
 */
import { type Measurement, verdictOf } from '../lib/result.js'
import { facadeOptions, startBenchSandbox } from '../lib/sandbox.js'
import { round } from '../lib/stats.js'
import { loadFacade } from '../lib/workspace-modules.js'

const FIXED_POLL_MS = 500
/** Runs longer than this would make the bench slow without telling more. */
const LONGEST_RUN_MS = 16_000
const MAX_RUNS = 4

type Facade = Awaited<ReturnType<typeof loadFacade>>

interface Waiter {
  requests: number
  evalrun: ReturnType<Facade['createEvalrun']>
}

function countingWaiter(facade: Facade, options: Parameters<Facade['createEvalrun']>[0]): Waiter {
  const waiter: Waiter = {
    requests: 0,
    evalrun: facade.createEvalrun({
      ...options,
      fetch: (request) => {
        waiter.requests++
        return fetch(request)
      },
    }),
  }
  return waiter
}

async function pollEvery(waiter: Waiter, ref: string, intervalMs: number) {
  for (;;) {
    const run = await waiter.evalrun.runs.get(ref)
    if (run.terminal) return run
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

export async function measureWaiting(): Promise<Measurement> {
  const facade = await loadFacade()
  const sandbox = await startBenchSandbox({ clock: { speed: 1 }, runs: 0, suites: 8 })
  try {
    const options = facadeOptions(sandbox)
    const starter = facade.createEvalrun(options)
    const rubricId = sandbox.catalog.datalab.rubrics[0]?.id
    const collections = [
      ...new Map(sandbox.catalog.datalab.collections.map((c) => [c.fileCount, c])).values(),
    ]
      .filter((c) => c.fileCount > 0 && 2_000 + c.fileCount * 500 <= LONGEST_RUN_MS)
      .sort((a, b) => a.fileCount - b.fileCount)
      .slice(0, MAX_RUNS)
    const rows = await Promise.all(
      collections.map(async (collection) => {
        const started = await starter.runs.start({ vendor: 'datalab', collectionId: collection.id, rubricId })
        const adaptive = countingWaiter(facade, options)
        const fixed = countingWaiter(facade, options)
        const finishedAfter = async (work: Promise<{ completedAt: Date | null }>) => {
          const run = await work
          const returnedAt = sandbox.clock.now().getTime()
          return returnedAt - (run.completedAt?.getTime() ?? returnedAt)
        }
        const [adaptiveDelay, fixedDelay] = await Promise.all([
          finishedAfter(adaptive.evalrun.runs.wait(started, { timeoutMs: 60_000 })),
          finishedAfter(pollEvery(fixed, started.ref, FIXED_POLL_MS)),
        ])
        return {
          'run takes (ms)': 2_000 + collection.fileCount * 500,
          'runs.wait requests': adaptive.requests,
          'runs.wait returns after finish (ms)': round(adaptiveDelay, 0),
          'fixed 500 ms requests': fixed.requests,
          'fixed 500 ms returns after finish (ms)': round(fixedDelay, 0),
          'requests saved': `${round((1 - adaptive.requests / fixed.requests) * 100, 0)}%`,
        }
      }),
    )
    const ours = rows.reduce((sum, row) => sum + row['runs.wait requests'], 0)
    const theirs = rows.reduce((sum, row) => sum + row['fixed 500 ms requests'], 0)
    const worstDelay = Math.max(...rows.map((row) => row['runs.wait returns after finish (ms)']))
    return {
      id: 7,
      title: 'Waiting for a run',
      target: 'fewer requests than fixed 500 ms polling, at a bounded delay after the run finishes',
      verdict: verdictOf(ours < theirs),
      summary: `runs.wait made ${ours} requests where fixed 500 ms polling made ${theirs} (${round(ours / theirs)}×); it returned at most ${worstDelay} ms after a run finished`,
      rows,
      notes: [
        'runs.wait with its defaults: first pause 1 s, ×1.5 per poll (±20% jitter), at most 10 s.',
        "Delay = the sandbox clock when the wait returned minus the run's completedAt; the sandbox clock runs at real speed.",
        'Both waiters poll the same run at the same time through `runs.get`, each through its own counted fetch.',
      ],
    }
  } finally {
    await sandbox.close()
  }
}
