import type { RunComparison } from '../core/comparison.js'

/**
 * The gate on a comparison's regressions: passed when at most `allowed` items regressed, and never on a partial
 * count (an item listing that stopped early). `allowedName` names the limit in the reason, as the caller wrote it.
 */
export function regressionVerdict(
  comparison: RunComparison,
  allowed: number,
  allowedName = 'maxRegressions',
): { passed: boolean; reason: string } {
  if (!comparison.complete) {
    return {
      passed: false,
      reason: 'an item listing stopped before its end (see the warnings), so the counts are partial',
    }
  }
  const { regressed } = comparison.summary
  return {
    passed: regressed <= allowed,
    reason: `${regressed} ${regressed === 1 ? 'item' : 'items'} regressed; ${allowedName} allows ${allowed}`,
  }
}
