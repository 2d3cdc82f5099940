import { checkLevel } from '../stats/check.js'
import type { CompactSide } from './compare-sides.js'
import type {
  CompareStats,
  ComparisonSignificance,
  MeasureSignificance,
  SignificanceVerdict,
} from './significance.js'

type Pair = [number, number]

/** One measure's pairs, and the key (cluster) of each. */
class Measure {
  readonly pairs: Pair[] = []
  readonly clusters: string[] = []
  /** True once a key gave more than one pair: the pairs are then clustered by key. */
  repeated = false

  add(key: string, base: number | null, head: number | null, trial: number): void {
    if (base === null || head === null) return
    this.pairs.push([base, head])
    this.clusters.push(key)
    if (trial > 0) this.repeated = true
  }
}

/**
 * Collects, per item key, every item of each run (trials and repeated rows too, which the item-by-item join leaves
 * out), then pairs them, the first item of a key in the base run with the first in the head run and so on, and
 * tests each measure with `evalrun/stats`, clustered by key: items of one key are one cluster, never independent.
 */
export class SignificanceCollector {
  private readonly sides = new Map<string, { base: CompactSide[]; head: CompactSide[] }>()
  readonly level: number

  constructor(
    private readonly stats: CompareStats,
    confidence: unknown,
  ) {
    this.level = checkLevel(confidence ?? 0.95, 'options.confidence')
  }

  add(which: 'base' | 'head', key: string, side: CompactSide): void {
    let entry = this.sides.get(key)
    if (entry === undefined) {
      entry = { base: [], head: [] }
      this.sides.set(key, entry)
    }
    entry[which].push(side)
  }

  /** The tests, and a warning when some trials of a key had no counterpart in the other run. */
  result(): { significance: ComparisonSignificance; warnings: string[] } {
    const passRate = new Measure()
    const score = new Measure()
    const metrics = new Map<string, Measure>()
    let unpaired = 0
    for (const [key, { base, head }] of this.sides) {
      const count = Math.min(base.length, head.length)
      if (count > 0) unpaired += Math.max(base.length, head.length) - count
      for (let trial = 0; trial < count; trial++) {
        const [b, h] = [base[trial] as CompactSide, head[trial] as CompactSide]
        passRate.add(key, verdictOf(b), verdictOf(h), trial)
        score.add(key, b.normalizedScore, h.normalizedScore, trial)
        for (const metric of b.metrics) {
          const other = h.metrics.find((candidate) => candidate.name === metric.name)
          if (metric.normalized === null || other === undefined || other.normalized === null) continue
          let measure = metrics.get(metric.name)
          if (measure === undefined) {
            measure = new Measure()
            metrics.set(metric.name, measure)
          }
          measure.add(key, metric.normalized, other.normalized, trial)
        }
      }
    }
    const passTest = this.test('pass rate', passRate)
    const significance: ComparisonSignificance = {
      level: this.level,
      passRate:
        passTest === null
          ? null
          : {
              ...passTest,
              mcnemar: this.stats.mcnemar(
                passRate.pairs.map(([b, h]): [boolean, boolean] => [b === 1, h === 1]),
              ),
            },
      score: this.test('score', score),
      metrics: [...metrics]
        .map(([name, measure]) => this.test(name, measure))
        .filter((test): test is MeasureSignificance => test !== null),
    }
    const warnings =
      unpaired > 0
        ? [
            `${unpaired} item(s) repeating a key had no counterpart at the same place in the other run (more trials on one side): they are left out of the significance tests.`,
          ]
        : []
    return { significance, warnings }
  }

  private test(name: string, measure: Measure): MeasureSignificance | null {
    const { pairs } = measure
    const clusters = measure.repeated ? measure.clusters : undefined
    if (pairs.length < 2 || (clusters !== undefined && new Set(clusters).size < 2)) return null
    const difference = this.stats.pairedDifference(pairs, { level: this.level, clusters })
    let baseSum = 0
    let headSum = 0
    for (const [b, h] of pairs) {
      baseSum += b
      headSum += h
    }
    return {
      name,
      ...difference,
      baseMean: baseSum / pairs.length,
      headMean: headSum / pairs.length,
      verdict: verdictOfInterval(difference.low, difference.high),
    }
  }
}

/** 1 for passed, 0 for failed, null without a verdict. */
function verdictOf(side: CompactSide): number | null {
  return side.status === 'passed' ? 1 : side.status === 'failed' ? 0 : null
}

/** Regressed or improved when the interval excludes 0. */
export function verdictOfInterval(low: number, high: number): SignificanceVerdict {
  if (high < 0) return 'regressed'
  if (low > 0) return 'improved'
  return 'no detectable change'
}
