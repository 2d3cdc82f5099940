import type { RunComparison } from '../core/comparison.js'
import type { MeasureSignificance } from '../core/significance.js'

/**
 * A comparison's paired tests as JUnit properties: `significance.level`, then per measure (`passRate`, `score`,
 * `metric.<name>`) its change, interval, n, p-value, minimum detectable effect and verdict.
 */
export function significanceProperties(comparison: RunComparison): [string, string][] {
  const significance = comparison.significance
  if (!significance) return []
  const measures: [string, MeasureSignificance | null][] = [
    ['passRate', significance.passRate],
    ['score', significance.score],
    ...significance.metrics.map((test): [string, MeasureSignificance] => [`metric.${test.name}`, test]),
  ]
  const properties: [string, string][] = [['significance.level', String(significance.level)]]
  for (const [name, test] of measures) {
    if (test === null) continue
    const prefix = `significance.${name}`
    properties.push(
      [`${prefix}.delta`, String(test.estimate)],
      [`${prefix}.low`, String(test.low)],
      [`${prefix}.high`, String(test.high)],
      [`${prefix}.n`, String(test.n)],
      [`${prefix}.clusters`, String(test.clusters)],
      [`${prefix}.pValue`, String(test.pValue)],
      [`${prefix}.minimumDetectableEffect`, String(test.minimumDetectableEffect)],
      [`${prefix}.verdict`, test.verdict],
    )
  }
  if (significance.passRate) {
    properties.push(['significance.passRate.mcnemar.pValue', String(significance.passRate.mcnemar.pValue)])
  }
  return properties
}
