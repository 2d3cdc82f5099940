import type { ComparisonSignificance, MeasureSignificance } from '../core/significance.js'
import { formatDelta, formatPercent } from './report-input.js'

/** One measure's test as the reports show it, every cell already text. */
export interface SignificanceRow {
  name: string
  /** `−8.3 pts ± 9.2` (the change and the interval's half-width). */
  change: string
  /** `95% CI −26.7 to +10.0 pts`. */
  interval: string
  /** `12` or `120 in 30 keys`. */
  n: string
  /** `paired t p = 0.34; McNemar p = 0.5`. */
  test: string
  /** `±22.1 pts`: the smallest change it would usually detect. */
  detectable: string
  verdict: MeasureSignificance['verdict']
}

/** The pass rate, the score and each metric's paired test of a comparison, in that order. */
export function significanceRows(significance: ComparisonSignificance | null | undefined): SignificanceRow[] {
  if (!significance) return []
  const percent = formatPercent(significance.level)
  const tests = [significance.passRate, significance.score, ...significance.metrics].filter(
    (test): test is MeasureSignificance => test !== null,
  )
  return tests.map((test) => {
    const mcnemar = 'mcnemar' in test ? (test as { mcnemar: { pValue: number } }).mcnemar : null
    return {
      name: test.name,
      change: `${formatDelta(test.estimate)} ± ${points((test.high - test.low) / 2)}`,
      interval: `${percent} CI ${formatDelta(test.low)} to ${formatDelta(test.high)}`,
      n: test.clusters < test.n ? `${test.n} in ${test.clusters} keys` : String(test.n),
      test: `paired t p = ${formatP(test.pValue)}${mcnemar ? `; McNemar p = ${formatP(mcnemar.pValue)}` : ''}`,
      detectable: `±${points(test.minimumDetectableEffect)} pts`,
      verdict: test.verdict,
    }
  })
}

function points(value: number): string {
  return (value * 100).toFixed(1).replace(/\.0$/, '')
}

/** A p-value to 2 significant digits, or `< 0.0001`. */
export function formatP(p: number): string {
  return p < 0.0001 ? '< 0.0001' : String(Number(p.toPrecision(2)))
}
