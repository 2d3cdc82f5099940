// `evalrun/stats`: intervals and paired tests for eval results, as pure functions. An entry of its own, so that
// only a bundle that computes them carries the distributions library (jStat). Pass it to `runs.compare` and
// `runs.stats` as `{ stats }` for significance in comparisons and intervals on runs; `judgeDrop` is the gate on a
// real drop (`runs compare --max-drop`).

export type { RunStatsOptions } from './core/create-evalrun.js'
export type { RunStats, RunStatsFunctions } from './core/run-stats.js'
export type {
  CompareStats,
  ComparisonSignificance,
  KeyedSides,
  MeasureSignificance,
  PairedSide,
  PassRateSignificance,
  SignificanceVerdict,
} from './core/significance.js'
export { comparisonSignificance, verdictOfInterval } from './stats/comparison-significance.js'
export { type ItemStats, itemStats, type MetricInterval } from './stats/item-stats.js'
export { type DropGateOptions, type DropVerdict, judgeDrop } from './stats/judge-drop.js'
export { mcnemar } from './stats/mcnemar.js'
export { meanInterval } from './stats/mean-interval.js'
export { POWER, pairedDifference } from './stats/paired.js'
export type {
  IntervalOptions,
  McNemarTest,
  MeanInterval,
  PairedDifference,
  ProportionInterval,
} from './stats/types.js'
export { wilsonInterval } from './stats/wilson.js'
