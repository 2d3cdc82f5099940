import type { CompactSide } from './compare-sides.js'
import type { MetricChange } from './comparison.js'

/** Per metric name, the sums behind its mean in each run, raw and normalised. */
export class MetricMeans {
  private readonly sums = new Map<string, Record<'base' | 'head', Sums>>()

  add(which: 'base' | 'head', side: CompactSide): void {
    for (const metric of side.metrics) {
      let entry = this.sums.get(metric.name)
      if (entry === undefined) {
        entry = { base: new Sums(), head: new Sums() }
        this.sums.set(metric.name, entry)
      }
      entry[which].add(metric.raw, metric.normalized)
    }
  }

  /**
   * Means on the normalised scale when every value of the metric in both runs has one; otherwise raw means,
   * whose difference is said only within one vendor.
   */
  changes(sameVendor: boolean): MetricChange[] {
    return [...this.sums].map(([name, { base, head }]) => {
      const normalized = base.allNormalized() && head.allNormalized()
      const baseMean = base.mean(normalized)
      const headMean = head.mean(normalized)
      const delta =
        baseMean === null || headMean === null || (!normalized && !sameVendor) ? null : headMean - baseMean
      return { name, baseMean, headMean, delta, normalized }
    })
  }
}

class Sums {
  raw = 0
  normalized = 0
  count = 0
  normalizedCount = 0

  add(raw: number, normalized: number | null): void {
    this.raw += raw
    this.count++
    if (normalized !== null) {
      this.normalized += normalized
      this.normalizedCount++
    }
  }

  allNormalized(): boolean {
    return this.normalizedCount === this.count
  }

  mean(normalized: boolean): number | null {
    if (this.count === 0) return null
    return normalized ? this.normalized / this.normalizedCount : this.raw / this.count
  }
}
