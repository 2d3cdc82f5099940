import type { AdapterListQuery, AnyEvalrunAdapter } from './adapter.js'
import type { OnWarning } from './config.js'
import type { ResolvedListOptions } from './list-options.js'
import { type MergeOutcome, mergeStreams, reportFailures } from './merge-streams.js'
import type { EvalRun, Vendor } from './model.js'
import { RecentRefs } from './recent-refs.js'

/**
 * How many refs the dedupe remembers. A run seen again further back than this (possible only if more runs than
 * this were created while one page was being read) would be yielded twice.
 */
export const DEDUPE_WINDOW = 10_000

/**
 * The merged listing: every vendor concurrently, filtered, deduplicated, cut at `limit`. See `runs.list`.
 */
export async function* listRuns(
  adapters: AnyEvalrunAdapter[],
  options: ResolvedListOptions,
  callbacks: {
    onError: ((error: unknown, vendor: Vendor) => void) | undefined
    onWarning: OnWarning
    signal: AbortSignal | undefined
  },
): AsyncGenerator<EvalRun> {
  const { onError, onWarning, signal } = callbacks
  signal?.throwIfAborted()
  const stopper = new AbortController()
  const combined = signal ? AbortSignal.any([signal, stopper.signal]) : stopper.signal
  const outcome: MergeOutcome = { failures: [], completed: [] }
  const sources = adapters.map((adapter) => {
    const query: AdapterListQuery = {
      suiteId: options.suite?.id ?? null,
      since: options.since,
      warn: (message, detail) => onWarning(message, adapter.vendor, detail),
    }
    return {
      name: adapter.vendor as string,
      iterable: adapter.listRuns(query, combined) as AsyncIterable<EvalRun>,
    }
  })
  const seen = new RecentRefs(DEDUPE_WINDOW)
  let yielded = 0
  if (options.limit > 0) {
    for await (const { value: run } of mergeStreams(sources, outcome, () => stopper.abort())) {
      // A vendor failing because the caller aborted is not a vendor failure: stop at once.
      signal?.throwIfAborted()
      if (!matches(run, options) || !seen.add(run.ref)) continue
      yield run
      // Not `return`: a vendor that failed before the limit was reached is still reported below.
      if (++yielded >= options.limit) break
    }
  }
  signal?.throwIfAborted()
  reportFailures(outcome, onError, yielded, 'runs')
}

function matches(run: EvalRun, options: ResolvedListOptions): boolean {
  if (options.statuses !== null && !options.statuses.has(run.status)) return false
  if (options.since !== null && run.createdAt !== null && run.createdAt < options.since) return false
  return true
}
