// `evalrun/stats`: intervals and paired tests for eval results, as pure functions. An entry of its own, so that
// only a bundle that computes them carries the distributions library (jStat). Pass it to `runs.compare` and
// `runs.stats` as `{ stats }` for significance in comparisons and intervals on runs.

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
