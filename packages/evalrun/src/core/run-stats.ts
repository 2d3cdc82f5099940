import { checkLevel } from '../stats/check.js'
import type { ItemStats } from '../stats/item-stats.js'
import { EvalrunInvalidInputError } from './errors.js'
import type { EvalItem } from './model.js'
import { STATS_EXPECTED } from './significance.js'

/**
 * The function of `evalrun/stats` `runs.stats` uses: `import * as stats from 'evalrun/stats'`, then `{ stats }`.
 * Written out rather than taken from the stats entry, which imports the core.
 */
export interface RunStatsFunctions {
  itemStats(
    items: AsyncIterable<EvalItem> | Iterable<EvalItem>,
    options?: { confidence?: number },
  ): Promise<ItemStats>
}

/** What `runs.stats(ref)` returns: the run's rates and scores with their intervals, from its items. */
export interface RunStats extends ItemStats {
  ref: string
  /** False when the item listing stopped early: the intervals then cover only the items read. */
  complete: boolean
}

/** Checks `stats` and the level before anything is read, then reads the items once. */
export async function runStats(
  ref: string,
  readItems: () => AsyncIterable<EvalItem>,
  stats: RunStatsFunctions | undefined,
  confidence: number | undefined,
  isComplete: () => boolean,
): Promise<RunStats> {
  if (typeof stats?.itemStats !== 'function') {
    throw new EvalrunInvalidInputError({
      field: 'options.stats',
      value: stats,
      expected: STATS_EXPECTED,
    })
  }
  checkLevel(confidence ?? 0.95, 'options.confidence')
  const result = await stats.itemStats(readItems(), { confidence })
  return { ref, ...result, complete: isComplete() }
}
