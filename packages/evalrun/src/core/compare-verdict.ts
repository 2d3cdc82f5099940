import { type CompactSide, metricDeltas } from './compare-sides.js'
import type { ItemChange, MetricDelta } from './comparison.js'
import type { ItemStatus } from './model.js'

/**
 * How good an item's status is, best first. `passed` and `completed` rank alike: `completed` means the vendor
 * gives no verdict (Datalab files), not a worse one, so a run of a verdict-less vendor is not "improved" by
 * another's passes. No outcome (pending, skipped, unknown) is worse than any finished one without a negative
 * verdict: losing a verdict is a regression, which keeps a gate on a half-finished run closed. An error (no answer
 * at all, or no judgement of it) is worse than a failed judgement of an answer.
 */
export const STATUS_RANK: Record<ItemStatus, number> = {
  passed: 3,
  completed: 3,
  pending: 2,
  skipped: 2,
  unknown: 2,
  failed: 1,
  error: 0,
}

/**
 * Scores and metric values closer than this are the same: it absorbs floating-point noise (a mean computed in
 * another order), not real movement, which always counts.
 */
export const SCORE_EPSILON = 1e-9

export interface ItemVerdict {
  change: ItemChange
  scoreDelta: number | null
  metrics: MetricDelta[]
  /** For the order of the changed items: status steps first, then the size of the move. */
  statusStep: number
  size: number
  /** True when both sides have numbers, but none on a common scale: only the status could be compared. */
  statusOnly: boolean
}

/**
 * The verdict on one item found in both runs, decided in this order:
 * 1. its status moved (by `STATUS_RANK`): improved or regressed;
 * 2. else its score moved by more than `SCORE_EPSILON`: normalised scores when both sides have one, raw scores
 *    only when both runs are of one vendor (raw scores of two vendors may be on two scales);
 * 3. else, when no score could be compared, its metrics (judgements by name, compared the same way): any metric
 *    down is a regression, else any metric up an improvement;
 * 4. else unchanged.
 */
export function judgeItem(base: CompactSide, head: CompactSide, sameVendor: boolean): ItemVerdict {
  const metrics = metricDeltas(base, head, sameVendor)
  const statusStep = STATUS_RANK[head.status] - STATUS_RANK[base.status]
  const scoreDelta = scoreChange(base, head, sameVendor)
  const moved = metrics
    .map((metric) => metric.delta)
    .filter((delta): delta is number => delta !== null && Math.abs(delta) > SCORE_EPSILON)
  const worst = moved.length === 0 ? 0 : Math.min(...moved)
  const best = moved.length === 0 ? 0 : Math.max(...moved)
  const hasNumbers = (side: CompactSide) => side.score !== null || side.metrics.length > 0
  const statusOnly =
    hasNumbers(base) &&
    hasNumbers(head) &&
    scoreDelta === null &&
    metrics.every((metric) => metric.delta === null)
  const verdict = (change: ItemChange, size: number): ItemVerdict => ({
    change,
    scoreDelta,
    metrics,
    statusStep,
    size,
    statusOnly,
  })
  const scoreMoved = scoreDelta !== null && Math.abs(scoreDelta) > SCORE_EPSILON
  const size = scoreMoved ? Math.abs(scoreDelta) : Math.max(-worst, best)
  if (statusStep !== 0) return verdict(statusStep > 0 ? 'improved' : 'regressed', size)
  if (scoreDelta !== null) {
    return scoreMoved ? verdict(scoreDelta > 0 ? 'improved' : 'regressed', size) : verdict('unchanged', 0)
  }
  if (worst < 0) return verdict('regressed', -worst)
  if (best > 0) return verdict('improved', best)
  return verdict('unchanged', 0)
}

/** `head - base` of the item's own score, normalised when both are, raw within one vendor, else null. */
function scoreChange(base: CompactSide, head: CompactSide, sameVendor: boolean): number | null {
  if (base.normalizedScore !== null && head.normalizedScore !== null)
    return head.normalizedScore - base.normalizedScore
  if (sameVendor && base.score !== null && head.score !== null) return head.score - base.score
  return null
}
