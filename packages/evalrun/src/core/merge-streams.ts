import { EvalrunListError } from './errors.js'

export interface StreamSource<T> {
  name: string
  iterable: AsyncIterable<T>
}

export interface MergeOutcome {
  failures: { name: string; error: unknown }[]
  completed: string[]
}

type Pulled<T> = { index: number; result: IteratorResult<T> } | { index: number; error: unknown }

/**
 * Interleaves several async iterables as their items arrive. Each source has at most one `next()` in flight,
 * so memory stays at about one page per source whatever the totals. A failing source is recorded in `outcome`
 * and dropped; the others go on. On early exit every source is closed (`return()`); `stop` is called first so
 * that their in-flight requests can be aborted rather than awaited.
 *
 * Settled pulls go to a queue in the order they settle (at most one per source), rather than through
 * `Promise.race` over the pending pulls: racing again for every item would attach one more reaction to a slow
 * source's pending pull per item of the fast ones, costing time and memory in proportion to the listing.
 */
export async function* mergeStreams<T>(
  sources: StreamSource<T>[],
  outcome: MergeOutcome,
  stop: () => void,
): AsyncGenerator<{ name: string; value: T }> {
  const iterators = sources.map((source) => source.iterable[Symbol.asyncIterator]())
  /** Sources not yet done or failed → their pull in flight (or settled and queued but not handled yet). */
  const pending = new Map<number, Promise<unknown>>()
  const settled: Pulled<T>[] = []
  let wake: (() => void) | null = null
  const arrive = (pulled: Pulled<T>) => {
    settled.push(pulled)
    const waiting = wake
    wake = null
    waiting?.()
  }
  const pull = (index: number) => {
    pending.set(
      index,
      (iterators[index] as AsyncIterator<T>).next().then(
        (result) => arrive({ index, result }),
        (error: unknown) => arrive({ index, error }),
      ),
    )
  }
  for (let index = 0; index < iterators.length; index++) pull(index)
  try {
    while (pending.size > 0) {
      if (settled.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        continue
      }
      const pulled = settled.shift() as Pulled<T>
      const name = (sources[pulled.index] as StreamSource<T>).name
      if ('error' in pulled) {
        pending.delete(pulled.index)
        outcome.failures.push({ name, error: pulled.error })
        continue
      }
      if (pulled.result.done) {
        pending.delete(pulled.index)
        outcome.completed.push(name)
        continue
      }
      // Ask for the next item before handing this one over: sources keep loading while the consumer works.
      pull(pulled.index)
      yield { name, value: pulled.result.value }
    }
  } finally {
    if (pending.size > 0) {
      stop()
      await Promise.allSettled(
        [...pending.keys()].map(async (index) => {
          await pending.get(index)
          await iterators[index]?.return?.()
        }),
      )
    }
  }
}

/**
 * Once a merged listing has ended: its failed sources passed to `onError`, or thrown together as one
 * `EvalrunListError` saying what did arrive. Nothing when every source completed.
 */
export function reportFailures<Name extends string>(
  outcome: MergeOutcome,
  onError: ((error: unknown, name: Name) => void) | undefined,
  yielded: number,
  entries: string,
): void {
  if (outcome.failures.length === 0) return
  const failures = outcome.failures.map(({ name, error }) => ({ vendor: name, error }))
  if (onError) {
    for (const failure of failures) onError(failure.error, failure.vendor as Name)
    return
  }
  throw new EvalrunListError({ failures, partial: { yielded, completedVendors: outcome.completed }, entries })
}
