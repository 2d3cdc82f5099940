import { EvalrunInvalidInputError } from '../core/errors.js'
import { checkCount, checkLevel } from './check.js'
import { normalQuantile } from './distributions.js'
import type { ProportionInterval } from './types.js'

/**
 * The Wilson score interval (no continuity correction) for `successes` out of `n`: unlike the normal
 * approximation it stays inside 0..1 and keeps its coverage for small n and rates near 0 or 1.
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): ProportionInterval {
  checkLevel(level)
  checkCount(n, 'n', 1, 'the number of trials')
  checkCount(successes, 'successes', 0, 'the number of successes')
  if (successes > n) {
    throw new EvalrunInvalidInputError({
      field: 'successes',
      value: successes,
      expected: `at most n (${n}) successes`,
    })
  }
  const z = normalQuantile(1 - (1 - level) / 2)
  const estimate = successes / n
  const z2n = (z * z) / n
  const center = (estimate + z2n / 2) / (1 + z2n)
  const half = (z * Math.sqrt((estimate * (1 - estimate)) / n + z2n / (4 * n))) / (1 + z2n)
  // Rounding may step a hair past the bounds at 0 or n successes.
  return {
    estimate,
    low: Math.max(0, center - half),
    high: Math.min(1, center + half),
    level,
    n,
    method: 'wilson',
  }
}
