import type { RunComparison } from '../core/comparison.js'
import { EvalrunInvalidInputError } from '../core/errors.js'
import type { MeasureSignificance } from '../core/significance.js'

export interface DropGateOptions {
  /** The tolerated drop, on 0..1 (0.02: two points of pass rate). */
  maxDrop: number
  /**
   * The strict reading: fail unless the change is shown to be no worse than −maxDrop (the interval's lower bound
   * is at least −maxDrop). By default the gate fails only when the change is shown to be worse than −maxDrop (the
   * upper bound is below −maxDrop).
   */
  nonInferiority?: boolean
}

export interface DropVerdict {
  passed: boolean
  /** What was judged: the pass rate when both runs' items have verdicts, else the normalised score; null if neither. */
  measure: 'pass rate' | 'score' | null
  /** The test judged, or null when there was none to judge. */
  test: MeasureSignificance | null
  /** One sentence: the change, its interval and why it passed or failed. */
  reason: string
}

/**
 * The gate on a real drop (`runs compare --max-drop`), from a comparison made with `stats`: on the pass rate when
 * both runs' items have verdicts, else on the normalised score. It fails when the drop is beyond `maxDrop` with the
 * comparison's confidence (or, with `nonInferiority`, unless it is shown to be within it), and on a comparison
 * that did not read every item. `measure` is null (and `passed` false) when neither measure could be tested.
 */
export function judgeDrop(comparison: RunComparison, options: DropGateOptions): DropVerdict {
  const { maxDrop, nonInferiority = false } = options
  if (typeof maxDrop !== 'number' || !(maxDrop >= 0 && maxDrop <= 1)) {
    throw new EvalrunInvalidInputError({
      field: 'options.maxDrop',
      value: maxDrop,
      expected: 'the tolerated drop on 0..1, such as 0.02',
    })
  }
  const significance = comparison.significance
  if (significance === null || significance === undefined) {
    throw new EvalrunInvalidInputError({
      field: 'comparison.significance',
      value: null,
      expected: "a comparison made with `{ stats }` (import * as stats from 'evalrun/stats')",
    })
  }
  const test = significance.passRate ?? significance.score
  const measure = significance.passRate !== null ? 'pass rate' : significance.score !== null ? 'score' : null
  if (test === null || measure === null) {
    return {
      passed: false,
      measure: null,
      test: null,
      reason:
        'neither the pass rate (items with a verdict in both runs) nor the normalised score (items with a score on a known scale in both runs) could be tested',
    }
  }
  const percent = `${Math.round(significance.level * 1000) / 10}%`
  const change = `${measure} ${signed(test.estimate)} (${percent} CI ${signed(test.low)} to ${signed(test.high)}, n = ${test.n}, p = ${formatP(test.pValue)})`
  if (!comparison.complete) {
    return {
      passed: false,
      measure,
      test,
      reason: `${change}, but an item listing stopped before its end (see the warnings): the test covers only the items read`,
    }
  }
  if (nonInferiority) {
    const passed = test.low >= -maxDrop
    return {
      passed,
      measure,
      test,
      reason: passed
        ? `${change}: no worse than −${maxDrop} with ${percent} confidence`
        : `${change}: not shown to be within −${maxDrop} with ${percent} confidence (--non-inferiority)`,
    }
  }
  const passed = !(test.high < -maxDrop)
  return {
    passed,
    measure,
    test,
    reason: passed
      ? `${change}: not a drop of more than ${maxDrop} with ${percent} confidence`
      : `${change}: dropped by more than ${maxDrop} with ${percent} confidence`,
  }
}

function signed(value: number): string {
  const text = Math.abs(value).toFixed(3)
  return value < 0 && text !== '0.000' ? `−${text}` : `+${text}`
}

/** A p-value to 2 significant digits, or "< 0.0001". */
function formatP(p: number): string {
  return p < 0.0001 ? '< 0.0001' : String(Number(p.toPrecision(2)))
}
