import type { ComparedItem, RunComparison } from '../../src/core/comparison.js'
import { finishItem, type ItemInput } from '../../src/core/finish-item.js'
import { finishRun } from '../../src/core/finish-run.js'
import type { EvalItem, EvalRun } from '../../src/core/model.js'

type RunOverrides = Partial<Omit<EvalRun<'datalab'>, 'vendor' | 'raw' | 'terminal' | 'normalizedScore'>> & {
  vendor?: string
}

/** A run as a mapper makes it (through `finishRun`), for the reports' tests: a completed Datalab run by default. */
export function reportRun(id: string, overrides: RunOverrides = {}): EvalRun {
  const vendor = (overrides.vendor ?? 'datalab') as 'datalab'
  return finishRun({
    ref: `${vendor}:${id}`,
    id,
    name: `nightly ${id}`,
    suite: { kind: 'collection', id: '7', name: 'Invoices', ref: `${vendor}:7` },
    status: 'completed',
    vendorStatus: 'completed',
    createdAt: new Date('2026-11-01T10:00:00Z'),
    startedAt: new Date('2026-11-01T10:00:05Z'),
    completedAt: new Date('2026-11-01T10:04:05Z'),
    progress: { total: 3, completed: 3, failed: 0 },
    score: 0.8,
    scoreScale: { min: 0, max: 1, source: 'declared' },
    passRate: 0.75,
    metrics: [],
    url: `https://example.test/runs/${id}`,
    warnings: [],
    ...overrides,
    vendor,
    raw: {} as never,
  }) as EvalRun
}

/** An item as a mapper makes it (through `finishItem`). */
export function reportItem(
  id: string,
  overrides: Partial<Omit<ItemInput<'datalab'>, 'vendor' | 'raw'>> = {},
): EvalItem {
  return finishItem({
    runRef: 'datalab:1',
    vendor: 'datalab',
    id,
    key: `file-${id}`,
    name: `invoice-${id}.pdf`,
    status: 'passed',
    vendorStatus: null,
    judgements: [],
    warnings: [],
    raw: {} as never,
    ...overrides,
  }) as EvalItem
}

/** A comparison as `runs.compare` returns it, with the changed items given. */
export function reportComparison(base: EvalRun, head: EvalRun, items: ComparedItem[]): RunComparison {
  const count = (change: ComparedItem['change']) => items.filter((item) => item.change === change).length
  return {
    base,
    head,
    joinedBy: 'key',
    sameSuite: true,
    summary: {
      improved: count('improved'),
      regressed: count('regressed'),
      unchanged: 40,
      added: count('added'),
      removed: count('removed'),
      metrics: [{ name: 'accuracy', baseMean: 0.9, headMean: 0.8, delta: -0.1, normalized: true }],
    },
    items,
    complete: true,
    warnings: [],
    significance: null,
  }
}

export function comparedItem(
  key: string,
  change: ComparedItem['change'],
  base: number,
  head: number,
  name: string | null = null,
): ComparedItem {
  const side = (id: string, score: number) => ({
    id,
    name,
    status: 'completed' as const,
    score,
    normalizedScore: score,
  })
  return {
    key,
    change,
    base: change === 'added' ? null : side(`${key}-b`, base),
    head: change === 'removed' ? null : side(`${key}-h`, head),
    scoreDelta: change === 'added' || change === 'removed' ? null : head - base,
    metrics: [{ name: 'accuracy', base, head, delta: head - base, normalized: true }],
  }
}
