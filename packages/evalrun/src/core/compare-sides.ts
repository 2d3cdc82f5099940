import type { ComparedSide, MetricDelta } from './comparison.js'
import type { EvalItem } from './model.js'

/**
 * What a comparison keeps of one item: its verdict and its numbers, never its payload, so that holding a whole
 * run's worth costs its keys and scores only.
 */
export interface CompactSide extends ComparedSide {
  metrics: CompactMetric[]
}

/** A numeric or boolean judgement (booleans as 1 or 0); categorical ones have no number and are left out. */
export interface CompactMetric {
  name: string
  raw: number
  normalized: number | null
}

/** Judgement names repeat on every item: one string per name, shared, rather than one per item. */
export function createNameTable(): (name: string) => string {
  const names = new Map<string, string>()
  return (name) => {
    const known = names.get(name)
    if (known !== undefined) return known
    names.set(name, name)
    return name
  }
}

export function compactItem(item: EvalItem, intern: (name: string) => string): CompactSide {
  const metrics: CompactMetric[] = []
  for (const judgement of item.judgements) {
    const raw = typeof judgement.value === 'boolean' ? Number(judgement.value) : judgement.value
    if (typeof raw !== 'number' || !Number.isFinite(raw)) continue
    // An item judged twice under one name (two graders so named) is compared on the first.
    if (metrics.some((metric) => metric.name === judgement.name)) continue
    metrics.push({ name: intern(judgement.name), raw, normalized: judgement.normalizedValue })
  }
  return {
    id: item.id,
    // A name equal to the key is held as the key's own string, which the join holds anyway: no second copy.
    name: item.name !== null && item.name === item.key ? item.key : item.name,
    status: item.status,
    score: item.score,
    normalizedScore: item.normalizedScore,
    metrics,
  }
}

/** The part of a compact side a `ComparedItem` shows. */
export function publicSide(side: CompactSide | null): ComparedSide | null {
  return side === null
    ? null
    : {
        id: side.id,
        name: side.name,
        status: side.status,
        score: side.score,
        normalizedScore: side.normalizedScore,
      }
}

/** Per metric, the deltas of one item; every metric either side has, base's order first. */
export function metricDeltas(
  base: CompactSide | null,
  head: CompactSide | null,
  sameVendor: boolean,
): MetricDelta[] {
  const names = [...(base?.metrics ?? []), ...(head?.metrics ?? [])].map((metric) => metric.name)
  return [...new Set(names)].map((name) => {
    const before = base?.metrics.find((metric) => metric.name === name) ?? null
    const after = head?.metrics.find((metric) => metric.name === name) ?? null
    const normalized =
      (before === null || before.normalized !== null) &&
      (after === null || after.normalized !== null) &&
      (before !== null || after !== null)
    const value = (metric: CompactMetric | null) =>
      metric === null ? null : normalized ? metric.normalized : metric.raw
    const [b, h] = [value(before), value(after)]
    // Raw numbers of two vendors may be on two scales nobody declared: no difference is said between them.
    const delta = b === null || h === null || (!normalized && !sameVendor) ? null : h - b
    return { name, base: b, head: h, delta, normalized }
  })
}
