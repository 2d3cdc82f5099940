import type { EvalItem } from '../core/model.js'

/** A run's items, counted by verdict. */
export interface ItemVerdicts {
  items: number
  passed: number
  failed: number
  errored: number
}

/**
 * Counts a run's items by verdict, reading every page: a read that fails part-way throws (the gate then fails,
 * never passing on the pages it saw). An errored item counts as errored, not as a failed verdict.
 */
export async function countItemVerdicts(items: AsyncIterable<EvalItem>): Promise<ItemVerdicts> {
  const counts: ItemVerdicts = { items: 0, passed: 0, failed: 0, errored: 0 }
  for await (const item of items) {
    counts.items++
    if (item.status === 'passed') counts.passed++
    else if (item.status === 'failed') counts.failed++
    else if (item.status === 'error') counts.errored++
  }
  return counts
}
