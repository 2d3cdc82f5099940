import { MS_PER_ITEM, QUEUED_MS, runDurationMs } from '../lifecycle.js'
import { type Random, rngFor } from '../prng.js'

const DAY_MS = 86_400_000
export const HISTORY_DAYS = 30

export interface PlannedRun {
  /** Position in creation order (0 = oldest); vendors derive ids from it so ids grow with time. */
  order: number
  suite: number
  items: number
  createdMs: number
  /** A random stream for everything else about the run. */
  random: Random
}

/**
 * Creation times for seeded runs: most finished at some point in the past HISTORY_DAYS, about one in ten still
 * running at the clock's start and one in twenty still queued, so a demo shows runs moving right away.
 */
export function planRuns(
  seed: number,
  vendor: string,
  count: number,
  suites: number,
  nowMs: number,
  itemsOfSuite: (suite: number, random: Random) => number,
): PlannedRun[] {
  const planned = []
  for (let k = 0; k < count; k++) {
    const random = rngFor(seed, vendor, 'run', k)
    const suite = k % suites
    const items = itemsOfSuite(suite, random)
    const roll = random.float()
    let createdMs: number
    if (roll < 0.05) createdMs = nowMs - random.int(0, QUEUED_MS - 1)
    else if (roll < 0.15) createdMs = nowMs - QUEUED_MS - random.int(0, Math.max(0, items * MS_PER_ITEM - 1))
    else
      createdMs = nowMs - runDurationMs(items) - 60_000 - Math.floor(random.float() * HISTORY_DAYS * DAY_MS)
    planned.push({ suite, items, createdMs, random, key: k })
  }
  planned.sort((a, b) => a.createdMs - b.createdMs || a.key - b.key)
  return planned.map(({ key: _key, ...run }, order) => ({ ...run, order }))
}

/** A suite's own creation time: before any of its runs. */
export function suiteCreatedMs(nowMs: number, suite: number): number {
  return nowMs - (HISTORY_DAYS + 5 + suite) * DAY_MS
}

/** One page of `items` for 1-based `page` of `size`, with the page count (at least 1). */
export function pageOf<T>(items: readonly T[], page: number, size: number): { slice: T[]; pages: number } {
  const pages = size > 0 ? Math.max(1, Math.ceil(items.length / size)) : 1
  return { slice: size > 0 ? items.slice((page - 1) * size, page * size) : [], pages }
}

export const round = (value: number, digits: number): number => {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length
}
