import type { ScoreScale } from './model.js'

/** The scale of a rate evalrun computes from verdicts (passed / judged), and of a boolean as 1 or 0. */
export const RATE_SCALE: ScoreScale = Object.freeze({ min: 0, max: 1, source: 'computed' })

/** A scale the vendor's spec or API states. */
export function declaredScale(min: number, max: number): ScoreScale {
  return { min, max, source: 'declared' }
}

/**
 * `value` moved onto 0..1 by `scale`, or null when either is unknown. A value outside its scale is not clamped
 * (that would hide a vendor bug or a wrong scale): it gives null, and a warning when `warnings` is given.
 */
export function normalizeOnScale(
  value: number | null,
  scale: ScoreScale | null,
  what: string,
  warnings?: string[],
): number | null {
  if (value === null || scale === null || !(scale.max > scale.min)) return null
  if (value < scale.min || value > scale.max) {
    warnings?.push(
      `${what} ${value} lies outside its scale ${scale.min}..${scale.max}; it is not normalised.`,
    )
    return null
  }
  return (value - scale.min) / (scale.max - scale.min)
}

/** True when two scales give the same range, whatever their sources. */
export function sameRange(a: ScoreScale, b: ScoreScale): boolean {
  return a.min === b.min && a.max === b.max
}

/** passed / (passed + failed), or null when nothing was judged. */
export function passRateOf(passed: number, failed: number): number | null {
  const judged = passed + failed
  return judged > 0 ? passed / judged : null
}
