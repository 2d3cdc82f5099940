import type { EvalRun } from '../core/model.js'

/** What pairing needs of a run: an `EvalRun` has it, and so does a report's slimmer copy of one. */
export type PairableRun = Pick<EvalRun, 'ref' | 'status' | 'createdAt'> & {
  suite: Pick<EvalRun['suite'], 'ref'>
}

/** The two most recent completed runs of one suite: what `runs.compare(base, head)` is asked for in a report. */
export interface RunPair<R extends PairableRun = EvalRun> {
  base: R
  head: R
}

/**
 * Per suite (`run.suite.ref`), its latest two completed runs by creation time, oldest first. Runs of unknown
 * creation time are left out: which is later cannot be said. Keeps two runs per suite, whatever it is given.
 */
export function latestPairs<R extends PairableRun = EvalRun>(runs: Iterable<R>): RunPair<R>[] {
  const latest = new Map<string, R[]>()
  for (const run of runs) {
    if (run.status !== 'completed' || run.createdAt === null) continue
    const kept = latest.get(run.suite.ref) ?? []
    kept.push(run)
    kept.sort((a, b) => time(b) - time(a) || b.ref.localeCompare(a.ref))
    latest.set(run.suite.ref, kept.slice(0, 2))
  }
  const pairs: RunPair<R>[] = []
  for (const [, kept] of [...latest].sort(([a], [b]) => a.localeCompare(b))) {
    const [head, base] = kept
    if (head && base) pairs.push({ base, head })
  }
  return pairs
}

function time(run: PairableRun): number {
  return run.createdAt?.getTime() ?? 0
}
