import { checkLevel } from '../stats/check.js'
import type { CompactSide } from './compare-sides.js'
import { EvalrunInvalidInputError } from './errors.js'
import type { CompareStats, ComparisonSignificance } from './significance.js'
import { STATS_EXPECTED } from './significance.js'

/**
 * Collects, per item key, every item of each run (trials and repeated rows too, which the item-by-item join leaves
 * out), for `evalrun/stats`' `comparisonSignificance` to pair and test. The tests live in `evalrun/stats`, so
 * that the client carries none of them unless it is given `stats`.
 */
export class SignificanceCollector {
  private readonly sides = new Map<string, { base: CompactSide[]; head: CompactSide[] }>()

  constructor(
    private readonly stats: CompareStats,
    private readonly confidence: number | undefined,
  ) {
    checkLevel(confidence ?? 0.95, 'options.confidence')
    if (typeof stats?.comparisonSignificance !== 'function') {
      throw new EvalrunInvalidInputError({
        field: 'options.stats',
        value: stats,
        expected: STATS_EXPECTED,
      })
    }
  }

  add(which: 'base' | 'head', key: string, side: CompactSide): void {
    let entry = this.sides.get(key)
    if (entry === undefined) {
      entry = { base: [], head: [] }
      this.sides.set(key, entry)
    }
    entry[which].push(side)
  }

  result(): { significance: ComparisonSignificance; warnings: string[] } {
    return this.stats.comparisonSignificance(this.sides, { confidence: this.confidence })
  }
}
