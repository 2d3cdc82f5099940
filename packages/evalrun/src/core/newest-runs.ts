import type { EvalRun } from './model.js'

/**
 * The `limit` newest runs of a listing, newest first, by `createdAt` (runs without one last). A merged listing has
 * no global order (vendors are read concurrently, each in its own order), so this reads it to the end, holding at
 * most `2 × limit` runs: they are sorted and cut back to `limit` each time that many have gathered.
 */
export async function newestRuns<Run extends EvalRun>(
  runs: AsyncIterable<Run>,
  limit: number,
): Promise<Run[]> {
  let kept: Run[] = []
  for await (const run of runs) {
    kept.push(run)
    if (kept.length >= 2 * limit) kept = kept.sort(newestFirst).slice(0, limit)
  }
  return kept.sort(newestFirst).slice(0, limit)
}

/** A comparator for `Array.sort`: newer `createdAt` first, undated runs last, then by ref for a stable order. */
export function newestFirst(a: EvalRun, b: EvalRun): number {
  const at = a.createdAt?.getTime() ?? Number.NEGATIVE_INFINITY
  const bt = b.createdAt?.getTime() ?? Number.NEGATIVE_INFINITY
  if (at !== bt) return bt - at
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0
}
