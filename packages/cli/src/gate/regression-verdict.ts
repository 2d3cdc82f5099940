import type { RunComparison } from 'evalrun'

/**
 * The verdict of `--fail-on-regression [N]` on a comparison: passed when at most `allowed` items regressed, and
 * never on a partial count (an item listing that stopped early). Null when regressions are not gated.
 */
export function regressionVerdict(
  comparison: RunComparison,
  allowed: number | null,
): { passed: boolean; reason: string } | null {
  if (allowed === null) return null
  if (!comparison.complete) {
    return {
      passed: false,
      reason: 'an item listing stopped before its end (see the warnings), so the counts are partial',
    }
  }
  const { regressed } = comparison.summary
  return {
    passed: regressed <= allowed,
    reason: `${regressed} ${regressed === 1 ? 'item' : 'items'} regressed; --fail-on-regression allows ${allowed}`,
  }
}
