import type { EvalItem, EvalRun, ItemStatus } from './model.js'
import type { CompareStats, ComparisonSignificance } from './significance.js'

/**
 * How two runs' items are joined. By default on `item.key`, the vendor's identity of the test case, which only
 * matches within one vendor; across vendors, give a key both runs share, for example one made from the input.
 */
export interface CompareOptions {
  /** The join key of an item; default `item.key`. Items whose key is null are left out, with a warning. */
  key?: (item: EvalItem) => string | null
  signal?: AbortSignal
  /**
   * `import * as stats from 'evalrun/stats'`: with it, `significance` holds paired tests of the pass rate, the
   * normalised score and each metric on a known scale (see `ComparisonSignificance`); without it, null.
   */
  stats?: CompareStats
  /** The confidence level of `significance`'s intervals, strictly between 0 and 1; default 0.95. */
  confidence?: number
}

/** How an item moved from the base run to the head run. */
export type ItemChange = 'improved' | 'regressed' | 'unchanged' | 'added' | 'removed'

/**
 * One metric (a judgement name) of one item in both runs: numeric and boolean judgements (booleans as 1 or 0);
 * categorical ones have no number and no delta. Values are normalised (0..1) when every side present has one.
 */
export interface MetricDelta {
  name: string
  base: number | null
  head: number | null
  /**
   * `head - base` on the normalised scale when both are normalised, else on the raw values when both runs are of
   * one vendor (raw values of two vendors may be on two scales); null when a side is missing or no scale is shared.
   */
  delta: number | null
  /** True when `delta` is on the 0..1 scale. */
  normalized: boolean
}

/** An item's side in a comparison: only what the verdict needs, never its payload (memory stays bounded). */
export interface ComparedSide {
  id: string
  /** The item's name at the vendor (`item.name`): a row's question, a file's name; null when it has none. */
  name: string | null
  status: ItemStatus
  score: number | null
  normalizedScore: number | null
}

export interface ComparedItem {
  key: string
  change: ItemChange
  base: ComparedSide | null
  head: ComparedSide | null
  /**
   * Change in the item's score: normalised when both sides are, raw when both runs are of one vendor; null when a
   * side has none or no scale is shared.
   */
  scoreDelta: number | null
  metrics: MetricDelta[]
}

/**
 * A metric's mean over the items each run has (each keyed item once, whether found in the other run or not). On
 * the normalised scale when every value in both runs has one; else raw, with `delta` null across vendors.
 */
export interface MetricChange {
  name: string
  baseMean: number | null
  headMean: number | null
  delta: number | null
  normalized: boolean
}

export interface ComparisonSummary {
  improved: number
  regressed: number
  unchanged: number
  added: number
  removed: number
  /** Per metric, the change of its mean. */
  metrics: MetricChange[]
}

/** What `runs.compare(base, head)` returns. */
export interface RunComparison {
  base: EvalRun
  head: EvalRun
  /** How items were joined: `key` (the vendors' own) or `custom`. */
  joinedBy: 'key' | 'custom'
  /**
   * True when both runs are of one suite (`run.suite.ref`). Runs of two suites joined on the vendor's key match
   * items that merely share an id (`row 4` of two datasets), so `warnings` says so and a gate should not count
   * regressions on them unless the join was chosen (a custom `key`).
   */
  sameSuite: boolean
  summary: ComparisonSummary
  /** The items that changed, regressions first (largest drop first), then improvements, added and removed. */
  items: ComparedItem[]
  /**
   * False when an item listing stopped before the vendor said it was done (pages or cursors repeating, or the page
   * budget spent): the counts then cover only the items read, and a gate must not pass on them.
   */
  complete: boolean
  /** What the comparison could not do cleanly, in words. */
  warnings: string[]
  /**
   * Whether the change is beyond noise: paired tests over the items both runs have, clustered by key when a key
   * repeats (trials). Null unless `stats` was given to `runs.compare`.
   */
  significance: ComparisonSignificance | null
}
