import type { MeanInterval, ProportionInterval } from '../stats/types.js'

/**
 * ` ± 4.2 pts, n = 120` (a rate, in points) or ` ± 0.031, n = 40 in 10 keys` (a mean on 0..1): half the interval's
 * width and its n, to follow the value it belongs to; empty without an interval.
 */
export function plusMinus(
  interval: ProportionInterval | MeanInterval | null | undefined,
  points = false,
): string {
  if (!interval) return ''
  const half = (interval.high - interval.low) / 2
  const size = points ? `${(half * 100).toFixed(1).replace(/\.0$/, '')} pts` : half.toFixed(3)
  const clusters =
    'clusters' in interval && interval.clusters < interval.n ? ` in ${interval.clusters} keys` : ''
  return ` ± ${size}, n = ${interval.n}${clusters}`
}
