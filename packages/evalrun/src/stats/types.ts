/** An interval for a proportion (`wilsonInterval`). */
export interface ProportionInterval {
  /** successes / n. */
  estimate: number
  low: number
  high: number
  /** The confidence level, e.g. 0.95. */
  level: number
  n: number
  method: 'wilson'
}

/** A Student-t interval for a mean (`meanInterval`). */
export interface MeanInterval {
  estimate: number
  standardError: number
  low: number
  high: number
  level: number
  /** The number of values. */
  n: number
  /** `t`: n − 1 degrees of freedom; `cluster-robust t`: clustered standard error, C − 1 degrees of freedom. */
  method: 't' | 'cluster-robust t'
  /** n − 1, or C − 1 with clusters. */
  degreesOfFreedom: number
  /** The number of clusters C (n when no clusters are given). */
  clusters: number
}

/** The mean of `head − base` over pairs, with its test (`pairedDifference`). */
export interface PairedDifference extends MeanInterval {
  /** Two-sided paired t-test of a zero mean difference (1 when every difference is 0). */
  pValue: number
  /** (z at the level's two-sided quantile + z₀.₈) · standardError: the smallest true change found 80% of the time. */
  minimumDetectableEffect: number
}

/** McNemar's exact test on paired verdicts (`mcnemar`). */
export interface McNemarTest {
  /** Pairs that failed in the base run and passed in the head run. */
  improved: number
  /** Pairs that passed in the base run and failed in the head run. */
  regressed: number
  /** Exact two-sided binomial test of the discordant pairs at p = 0.5; 1 when there are none. */
  pValue: number
}

/** Options of `meanInterval` and `pairedDifference`. */
export interface IntervalOptions {
  /** Default 0.95. */
  level?: number
  /**
   * One cluster id per value (items of one test case, trials of one prompt): the standard error then sums the
   * residuals within each cluster before squaring, and the interval has C − 1 degrees of freedom.
   */
  clusters?: readonly (string | number)[]
}
