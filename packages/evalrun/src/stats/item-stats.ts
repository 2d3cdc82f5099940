import type { EvalItem } from '../core/model.js'
import { checkLevel } from './check.js'
import { intervalOf } from './mean-interval.js'
import type { MeanInterval, ProportionInterval } from './types.js'
import { wilsonInterval } from './wilson.js'

/** A metric's mean over the items, on 0..1, with its interval. */
export interface MetricInterval extends MeanInterval {
  name: string
}

/** A run's rates and scores with their intervals, from its items (`itemStats`, `runs.stats`). */
export interface ItemStats {
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

  interval(level: number): MeanInterval | null {
    if (this.values.length < 2 || this.seen.size < 2) return null
    return intervalOf(this.values, level, this.repeated ? this.keys : undefined)
  }
}

/**
 * The pass rate (Wilson), normalised score and each metric on a known scale (Student-t, clustered by item key when
 * keys repeat) of a run's items, read once. `runs.stats(ref, { stats })` calls it on the run's items.
 */
export async function itemStats(
  items: AsyncIterable<EvalItem> | Iterable<EvalItem>,
  options: { confidence?: number } = {},
): Promise<ItemStats> {
  const level = checkLevel(options.confidence ?? 0.95, 'options.confidence')
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
    n,
    passRate: judged === 0 ? null : wilsonInterval(passed, judged, level),
    score: score.interval(level),
    metrics: [...metrics].flatMap(([name, sample]) => {
      const interval = sample.interval(level)
      return interval === null ? [] : [{ name, ...interval }]
    }),
  }
}
