import { EvalrunInvalidInputError } from '../core/errors.js'
import { binomialCdf } from './distributions.js'
import type { McNemarTest } from './types.js'

/**
 * McNemar's exact test over `[basePassed, headPassed]` pairs: only the discordant pairs count (improved: failed →
 * passed; regressed: passed → failed), tested as a two-sided binomial test of the smaller count at p = 0.5.
 */
export function mcnemar(pairs: readonly (readonly [boolean, boolean])[]): McNemarTest {
  if (!Array.isArray(pairs)) {
    throw new EvalrunInvalidInputError({
      field: 'pairs',
      value: pairs,
      expected: 'an array of [basePassed, headPassed] boolean pairs',
    })
  }
  let improved = 0
  let regressed = 0
  pairs.forEach((pair, i) => {
    if (!Array.isArray(pair) || typeof pair[0] !== 'boolean' || typeof pair[1] !== 'boolean') {
      throw new EvalrunInvalidInputError({
        field: `pairs[${i}]`,
        value: pair,
        expected: 'a [basePassed, headPassed] pair of booleans',
      })
    }
    if (!pair[0] && pair[1]) improved++
    else if (pair[0] && !pair[1]) regressed++
  })
  return { improved, regressed, pValue: mcnemarPValue(improved, regressed) }
}

/** The exact two-sided p-value from the two discordant counts. */
export function mcnemarPValue(improved: number, regressed: number): number {
  const discordant = improved + regressed
  if (discordant === 0) return 1
  return Math.min(1, 2 * binomialCdf(Math.min(improved, regressed), discordant, 0.5))
}
