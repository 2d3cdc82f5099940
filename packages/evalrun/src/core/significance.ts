import type { McNemarTest, PairedDifference } from '../stats/types.js'
import type { ItemStatus } from './model.js'

/** What a paired test reads of one item of a run: its verdict, its normalised score and its numeric judgements. */
export interface PairedSide {
  readonly status: ItemStatus
  readonly normalizedScore: number | null
  readonly metrics: readonly {
    readonly name: string
    readonly raw: number
    readonly normalized: number | null
  }[]
}

/** Per item key, every item of each run (repeats too), as `runs.compare` collects them. */
export type KeyedSides = ReadonlyMap<string, { base: readonly PairedSide[]; head: readonly PairedSide[] }>

/**
 * The functions of `evalrun/stats` a comparison uses: `import * as stats from 'evalrun/stats'`, then
 * `runs.compare(base, head, { stats })`. Passed in rather than imported, so that a bundle that never tests a
 * comparison does not carry the distributions library. Written out here rather than taken from the stats entry,
 * which imports the core: the core then needs nothing of it.
 */
export interface CompareStats {
  comparisonSignificance(
    sides: KeyedSides,
    options?: { confidence?: number },
  ): { significance: ComparisonSignificance; warnings: string[] }
}

/** Whether a paired change is beyond noise at the comparison's confidence level. */
export type SignificanceVerdict = 'regressed' | 'improved' | 'no detectable change'

/**
 * One measure (the pass rate, the normalised score, a metric) over the items both runs have: the mean of
 * `head − base` with its interval, paired t-test and minimum detectable effect (`pairedDifference`), clustered by
 * item key when a key has several items (trials) in a run.
 */
export interface MeasureSignificance extends PairedDifference {
  /** `pass rate`, `score` or the metric's name. */
  name: string
  /** The measure's mean over the paired items in each run. */
  baseMean: number
  headMean: number
  /**
   * `regressed` or `improved` when the interval excludes 0; else `no detectable change`, which is not "no change":
   * read it beside `minimumDetectableEffect` (a small suite detects only large changes).
   */
  verdict: SignificanceVerdict
}

/** The pass rate's test also carries McNemar's exact test on the verdicts that flipped. */
export interface PassRateSignificance extends MeasureSignificance {
  mcnemar: McNemarTest
}

/** `RunComparison.significance`: paired tests of the change, when `stats` was given to `runs.compare`. */
export interface ComparisonSignificance {
  /** The confidence level of every interval, e.g. 0.95. */
  level: number
  /** Items with a verdict (passed or failed) in both runs, as 1 or 0; null with fewer than 2 such pairs. */
  passRate: PassRateSignificance | null
  /** Items with a normalised score (0..1) in both runs; null with fewer than 2 such pairs. */
  score: MeasureSignificance | null
  /** Each metric whose values are on a known scale (normalised) in both runs, with at least 2 pairs. */
  metrics: MeasureSignificance[]
}

/** What `options.stats` must be, for the error that says it is not. */
export const STATS_EXPECTED =
  "the functions of 'evalrun/stats' (`import * as stats from 'evalrun/stats'`, then `{ stats }`)"
