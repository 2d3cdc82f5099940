import type {
  ComparisonSignificance,
  KeyedSides,
  MeasureSignificance,
  PairedSide,
  SignificanceVerdict,
} from '../core/significance.js'
import { checkLevel } from './check.js'
import { mcnemarPValue } from './mcnemar.js'
import { pairedFromDifferences } from './paired.js'

/** One measure's pairs, and the key (cluster) of each. */
class Measure {
  readonly base: number[] = []
  readonly head: number[] = []
  readonly clusters: string[] = []
  /** True once a key gave more than one pair: the pairs are then clustered by key. */
  repeated = false

  add(key: string, base: number | null | undefined, head: number | null | undefined, trial: number): void {
    if (base === null || base === undefined || head === null || head === undefined) return
    this.base.push(base)
    this.head.push(head)
    this.clusters.push(key)
    if (trial > 0) this.repeated = true
  }
}

/**
 * The paired tests behind `RunComparison.significance`: the first item of a key in the base run is paired with the
 * first in the head run, and so on; each measure (verdicts as 1 or 0, normalised scores, each metric's normalised
 * values) is tested with `pairedDifference`, clustered by key when a key gave several pairs: items of one key
 * (trials, repeated rows) are one cluster, never independent items. `runs.compare` calls it when given `stats`.
 */
export function comparisonSignificance(
  sides: KeyedSides,
  options: { confidence?: number } = {},
): { significance: ComparisonSignificance; warnings: string[] } {
  const level = checkLevel(options.confidence ?? 0.95, 'options.confidence')
  const passRate = new Measure()
  const score = new Measure()
  const metrics = new Map<string, Measure>()
  let unpaired = 0
  for (const [key, { base, head }] of sides) {
    const count = Math.min(base.length, head.length)
    if (count > 0) unpaired += Math.max(base.length, head.length) - count
    for (let trial = 0; trial < count; trial++) {
      const [b, h] = [base[trial] as PairedSide, head[trial] as PairedSide]
      passRate.add(key, verdictOf(b), verdictOf(h), trial)
      score.add(key, b.normalizedScore, h.normalizedScore, trial)
      for (const metric of b.metrics) {
        const other = h.metrics.find((candidate) => candidate.name === metric.name)
        let measure = metrics.get(metric.name)
        if (measure === undefined) {
          measure = new Measure()
          metrics.set(metric.name, measure)
        }
        measure.add(key, metric.normalized, other?.normalized, trial)
      }
    }
  }
  const passTest = test('pass rate', passRate, level)
  let improved = 0
  let regressed = 0
  passRate.base.forEach((b, i) => {
    const h = passRate.head[i]
    if (b < (h as number)) improved++
    else if (b > (h as number)) regressed++
  })
  const significance: ComparisonSignificance = {
    level,
    passRate:
      passTest === null
        ? null
        : { ...passTest, mcnemar: { improved, regressed, pValue: mcnemarPValue(improved, regressed) } },
    score: test('score', score, level),
    metrics: [...metrics].flatMap(([name, measure]) => test(name, measure, level) ?? []),
  }
  const warnings =
    unpaired > 0
      ? [
          `${unpaired} item(s) repeating a key had no counterpart at the same place in the other run (more trials on one side): they are left out of the significance tests.`,
        ]
      : []
  return { significance, warnings }
}

function test(name: string, measure: Measure, level: number): MeasureSignificance | null {
  const n = measure.base.length
  const clusters = measure.repeated ? measure.clusters : undefined
  if (n < 2 || (clusters !== undefined && new Set(clusters).size < 2)) return null
  const differences = measure.head.map((h, i) => h - (measure.base[i] as number))
  const difference = pairedFromDifferences(differences, level, clusters)
  return {
    name,
    ...difference,
    baseMean: mean(measure.base),
    headMean: mean(measure.head),
    verdict: verdictOfInterval(difference.low, difference.high),
  }
}

function mean(values: readonly number[]): number {
  let sum = 0
  for (const value of values) sum += value
  return sum / values.length
}

/** 1 for passed, 0 for failed, null without a verdict. */
function verdictOf(side: PairedSide): number | null {
  return side.status === 'passed' ? 1 : side.status === 'failed' ? 0 : null
}

/** Regressed or improved when the interval excludes 0. */
export function verdictOfInterval(low: number, high: number): SignificanceVerdict {
  if (high < 0) return 'regressed'
  if (low > 0) return 'improved'
  return 'no detectable change'
}
