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

/** The share of a suite's test cases a run draws afresh; the others come out as they did in the run before it. */
export const CASE_CHANGE_RATE = 0.2

/**
 * The runs of each suite in the order they were made, so that a test case carries over from run to run: a case
 * comes out of a run as it came out of the last run (at or before it) that drew it afresh, and the first run of a
 * suite draws every case. About one case in five is drawn afresh per run, on that run's quality. Two runs of a
 * suite then compare as real runs do: most cases the same, some better, some worse, and a worse run has more of
 * the latter. What fails by chance in one run only (a timeout, a provider error) stays each vendor's own draw.
 */
export class SuiteHistory<Run extends { quality: number }> {
  private readonly runsOf = new Map<string, Run[]>()
  private readonly places = new Map<Run, { suite: string; ordinal: number }>()

  constructor(
    private readonly seed: number,
    private readonly vendor: string,
  ) {}

  /** Adds `run` as the newest run of `suite` (a key naming the suite and the data it runs over). */
  add(suite: string, run: Run): void {
    const runs = this.runsOf.get(suite) ?? []
    this.places.set(run, { suite, ordinal: runs.length })
    runs.push(run)
    this.runsOf.set(suite, runs)
  }

  /**
   * How test case `caseId` of `run` was drawn: the run that drew it (whose quality it follows) and the random
   * stream of that draw, one per `parts` (a case judged by several evaluators draws once per evaluator).
   */
  draw(run: Run, caseId: string | number, ...parts: Array<string | number>): { by: Run; random: Random } {
    const place = this.places.get(run)
    // Every run is added when made; a run that somehow was not draws its cases on its own.
    if (place === undefined)
      return { by: run, random: rngFor(this.seed, this.vendor, 'case', caseId, ...parts) }
    let ordinal = place.ordinal
    while (
      ordinal > 0 &&
      !rngFor(this.seed, this.vendor, 'case-change', place.suite, ordinal, caseId).chance(CASE_CHANGE_RATE)
    )
      ordinal--
    const by = this.runsOf.get(place.suite)?.[ordinal] ?? run
    return { by, random: rngFor(this.seed, this.vendor, 'case', place.suite, caseId, ordinal, ...parts) }
  }
}
