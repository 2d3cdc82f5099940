import type { ComparisonSignificance, MeasureSignificance } from 'evalrun/stats'
import type { Colors } from 'picocolors/types'
import { formatScore } from './format-run.js'
import { renderTable, stripAnsi } from './table.js'

export const SIGNIFICANCE_TABLE_HEADERS = [
  'MEASURE',
  'BASE',
  'HEAD',
  'CHANGE',
  'CI',
  'N',
  'P',
  'DETECTABLE',
  'VERDICT',
]

/**
 * The paired tests of a comparison as a table: per measure the means, the change with its interval, the pairs
 * (and clusters), the p-value (McNemar's beside the t-test's for the pass rate), the minimum detectable effect and
 * the verdict.
 */
export function describeSignificance(significance: ComparisonSignificance, colors: Colors): string {
  const tests = [significance.passRate, significance.score, ...significance.metrics].filter(
    (test): test is MeasureSignificance => test !== null,
  )
  const percent = `${Math.round(significance.level * 1000) / 10}%`
  if (tests.length === 0) {
    return `Significance: no measure to test (no verdicts or scores on a known scale in both runs).\n`
  }
  const rows = tests.map((test) => [
    test.name,
    formatScore(test.baseMean),
    formatScore(test.headMean),
    signed(test.estimate),
    `${signed(test.low)} to ${signed(test.high)}`,
    test.clusters < test.n ? `${test.n} (${test.clusters} keys)` : String(test.n),
    pCell(test),
    `±${test.minimumDetectableEffect.toFixed(3)}`,
    colorVerdict(test.verdict, colors),
  ])
  const headers = SIGNIFICANCE_TABLE_HEADERS.map((header) => (header === 'CI' ? `${percent} CI` : header))
  return `${renderTable(headers, rows, (s) => stripAnsi(s).length)}\n`
}

function pCell(test: MeasureSignificance): string {
  const mcnemar = 'mcnemar' in test ? (test as { mcnemar: { pValue: number } }).mcnemar : null
  return mcnemar === null
    ? formatP(test.pValue)
    : `${formatP(test.pValue)} (McNemar ${formatP(mcnemar.pValue)})`
}

function colorVerdict(verdict: MeasureSignificance['verdict'], colors: Colors): string {
  if (verdict === 'regressed') return colors.red(verdict)
  if (verdict === 'improved') return colors.green(verdict)
  return colors.dim(verdict)
}

function signed(value: number): string {
  const text = Math.abs(value).toFixed(3)
  return value < 0 && text !== '0.000' ? `−${text}` : `+${text}`
}

/** A p-value to 2 significant digits, or "< 0.0001". */
export function formatP(p: number): string {
  return p < 0.0001 ? '< 0.0001' : String(Number(p.toPrecision(2)))
}
