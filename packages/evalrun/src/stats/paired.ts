import { EvalrunInvalidInputError } from '../core/errors.js'
import { checkArray, checkFinite, checkLevel } from './check.js'
import { normalQuantile, tCdf } from './distributions.js'
import { checkClusters, intervalOf } from './mean-interval.js'
import type { IntervalOptions, PairedDifference } from './types.js'

/** Statistical power at which `minimumDetectableEffect` is stated. */
export const POWER = 0.8

/**
 * The mean of `head − base` over `[base, head]` pairs (the same items in two runs), with its Student-t interval
 * (clustered with `clusters`), the two-sided paired t-test's p-value, and the minimum detectable effect at 80%
 * power: a change smaller than that would usually read as "no detectable change".
 */
export function pairedDifference(
  pairs: readonly (readonly [number, number])[],
  options: IntervalOptions = {},
): PairedDifference {
  if (typeof options !== 'object' || options === null) {
    throw new EvalrunInvalidInputError({
      field: 'options',
      value: options,
      expected: 'an options object ({ level?, clusters? })',
    })
  }
  const level = checkLevel(options.level ?? 0.95, 'options.level')
  checkArray(pairs, 'pairs', 2, 'the [base, head] pairs')
  const differences = pairs.map((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new EvalrunInvalidInputError({
        field: `pairs[${i}]`,
        value: pair,
        expected: 'a [base, head] pair',
      })
    }
    return checkFinite(pair[1], `pairs[${i}][1]`) - checkFinite(pair[0], `pairs[${i}][0]`)
  })
  checkClusters(options.clusters, differences.length)
  return pairedFromDifferences(differences, level, options.clusters)
}

/** `pairedDifference` on differences already checked. */
export function pairedFromDifferences(
  differences: readonly number[],
  level: number,
  clusters: readonly (string | number)[] | undefined,
): PairedDifference {
  const interval = intervalOf(differences, level, clusters)
  const { estimate, standardError, degreesOfFreedom } = interval
  // Every difference alike: no spread to test against; a zero mean is no change, any other a certain one.
  const pValue =
    standardError === 0
      ? estimate === 0
        ? 1
        : 0
      : Math.min(1, 2 * tCdf(-Math.abs(estimate / standardError), degreesOfFreedom))
  const minimumDetectableEffect =
    (normalQuantile(1 - (1 - level) / 2) + normalQuantile(POWER)) * standardError
  return { ...interval, pValue, minimumDetectableEffect }
}
