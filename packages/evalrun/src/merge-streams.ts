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
 */
export async function* mergeStreams<T>(
  sources: StreamSource<T>[],
  outcome: MergeOutcome,
  stop: () => void,
): AsyncGenerator<{ name: string; value: T }> {
  const iterators = sources.map((source) => source.iterable[Symbol.asyncIterator]())
  const pull = (index: number): Promise<Pulled<T>> =>
    (iterators[index] as AsyncIterator<T>).next().then(
      (result) => ({ index, result }),
      (error: unknown) => ({ index, error }),
    )
  const pending = new Map<number, Promise<Pulled<T>>>(iterators.map((_, index) => [index, pull(index)]))
  try {
    while (pending.size > 0) {
      const pulled = await Promise.race(pending.values())
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
      pending.set(pulled.index, pull(pulled.index))
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
