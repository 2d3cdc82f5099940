import { checkLevel } from '../stats/check.js'
import type { MeanInterval, ProportionInterval } from '../stats/types.js'
import type * as StatsEntry from '../stats.js'
import { EvalrunInvalidInputError } from './errors.js'
import type { EvalItem } from './model.js'

/** The functions of `evalrun/stats` `runs.stats` uses: `import * as stats from 'evalrun/stats'`. */
export type RunStatsFunctions = Pick<typeof StatsEntry, 'wilsonInterval' | 'meanInterval'>

/** A metric's mean over the run's items, on 0..1, with its interval. */
export interface MetricInterval extends MeanInterval {
  name: string
}

/** What `runs.stats(ref)` returns: the run's rates and scores with their intervals, from its items. */
export interface RunStats {
  ref: string
  /** Items read. */
  n: number
  /** Wilson interval of passed / (passed + failed); its `n` is the items with a verdict. Null when none has one. */
  passRate: ProportionInterval | null
  /**
   * Student-t interval of the items' normalised scores (0..1), clustered by item key when a key repeats (trials);
   * its `n` is the items with one. Null with fewer than 2 (or fewer than 2 keys).
   */
  score: MeanInterval | null
  /** Each metric whose judgements are on a known scale (normalised), likewise. */
  metrics: MetricInterval[]
  /** False when the item listing stopped early: the intervals then cover only the items read. */
  complete: boolean
}

/** Values of one measure and the key of each. */
class Sample {
  readonly values: number[] = []
  readonly keys: string[] = []
  private readonly seen = new Set<string>()
  repeated = false

  add(key: string, value: number | null): void {
    if (value === null) return
    if (this.seen.has(key)) this.repeated = true
    else this.seen.add(key)
    this.values.push(value)
    this.keys.push(key)
  }

  interval(stats: RunStatsFunctions, level: number): MeanInterval | null {
    if (this.values.length < 2 || this.seen.size < 2) return null
    return stats.meanInterval(this.values, { level, clusters: this.repeated ? this.keys : undefined })
  }
}

/** Reads a run's items once and gives its intervals (see `EvalrunRuns.stats`). */
export async function runStats(
  ref: string,
  items: AsyncIterable<EvalItem>,
  stats: RunStatsFunctions,
  confidence: unknown,
  isComplete: () => boolean,
): Promise<RunStats> {
  if (typeof stats?.wilsonInterval !== 'function' || typeof stats.meanInterval !== 'function') {
    throw new EvalrunInvalidInputError({
      field: 'options.stats',
      value: stats,
      expected:
        "the functions of 'evalrun/stats' (`import * as stats from 'evalrun/stats'`, then `{ stats }`)",
    })
  }
  const level = checkLevel(confidence ?? 0.95, 'options.confidence')
  let n = 0
  let passed = 0
  let judged = 0
  const score = new Sample()
  const metrics = new Map<string, Sample>()
  for await (const item of items) {
    n++
    if (item.status === 'passed' || item.status === 'failed') {
      judged++
      if (item.status === 'passed') passed++
    }
    score.add(item.key, item.normalizedScore)
    const named = new Set<string>()
    for (const judgement of item.judgements) {
      // An item judged twice under one name counts once, on the first, as in comparisons.
      if (named.has(judgement.name) || judgement.normalizedValue === null) continue
      named.add(judgement.name)
      let sample = metrics.get(judgement.name)
      if (sample === undefined) {
        sample = new Sample()
        metrics.set(judgement.name, sample)
      }
      sample.add(item.key, judgement.normalizedValue)
    }
  }
  return {
    ref,
    n,
    passRate: judged === 0 ? null : stats.wilsonInterval(passed, judged, level),
    score: score.interval(stats, level),
    metrics: [...metrics].flatMap(([name, sample]) => {
      const interval = sample.interval(stats, level)
      return interval === null ? [] : [{ name, ...interval }]
    }),
    complete: isComplete(),
  }
}
