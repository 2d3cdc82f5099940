import { MetricMeans } from './compare-means.js'
import { type CompactSide, compactItem, createNameTable, metricDeltas, publicSide } from './compare-sides.js'
import { SignificanceCollector } from './compare-significance.js'
import { judgeItem } from './compare-verdict.js'
import type {
  ComparedItem,
  CompareOptions,
  ComparisonSummary,
  ItemChange,
  RunComparison,
} from './comparison.js'
import { EvalrunInvalidInputError } from './errors.js'
import type { EvalItem, EvalRun } from './model.js'
import type { ListingWarn } from './paginate.js'
import type { RunRef } from './ref.js'

/** What `compareRuns` needs of the client: the runs and their items, and a ref's vendor without a request. */
export interface CompareSource {
  /** Throws `EvalrunInvalidInputError` (naming `field`) for a ref no configured vendor reads. */
  vendorOf(ref: RunRef, field: string): string
  get(ref: RunRef, signal: AbortSignal): Promise<EvalRun>
  results(ref: RunRef, signal: AbortSignal, warn: ListingWarn): AsyncIterable<EvalItem>
}

// A key both runs had (already judged), and a key only the head run had (already listed as added).
const MATCHED = 1
const ADDED = 2
type Seen = CompactSide | typeof MATCHED | typeof ADDED

interface Changed {
  item: ComparedItem
  statusStep: number
  size: number
}

/**
 * Compares two runs item by item (see `EvalrunRuns.compare`). The base run's items are read first into one map of
 * key → compact side (status, scores, judgement values: no payload); the head run's are then matched against it
 * as they stream, so memory follows one run's keys and scores plus the items that changed. A read that fails
 * throws: there is no partial comparison.
 */
export async function compareRuns(
  source: CompareSource,
  base: RunRef,
  head: RunRef,
  options: CompareOptions = {},
): Promise<RunComparison> {
  checkOptions(options)
  // Every keyed item of both runs, repeats too, for the paired tests (only when `stats` is given).
  const tests =
    options.stats === undefined ? null : new SignificanceCollector(options.stats, options.confidence)
  const baseVendor = source.vendorOf(base, 'base')
  const headVendor = source.vendorOf(head, 'head')
  if (baseVendor !== headVendor && options.key === undefined) {
    throw new EvalrunInvalidInputError({
      field: 'options.key',
      value: undefined,
      expected: `a key function to join a ${baseVendor} run with a ${headVendor} run: item keys are each vendor's own ids and never match across vendors (e.g. \`key: (item) => item.name\`)`,
    })
  }
  const signal = options.signal ?? new AbortController().signal
  const [baseRun, headRun] = await Promise.all([source.get(base, signal), source.get(head, signal)])
  const sameVendor = baseRun.vendor === headRun.vendor
  const keyOf = options.key ?? ((item: EvalItem) => item.key)
  const warnings: string[] = []
  const intern = createNameTable()
  const means = new MetricMeans()
  const counts: Record<ItemChange, number> = { improved: 0, regressed: 0, unchanged: 0, added: 0, removed: 0 }
  const changed: Changed[] = []
  const seen = new Map<string, Seen>()
  const skipped = { base: new KeyTrouble(), head: new KeyTrouble() }
  let statusOnly = 0

  let complete = true
  const listingWarn =
    (which: string, run: EvalRun): ListingWarn =>
    (message, detail) => {
      if (detail?.stoppedEarly) complete = false
      warnings.push(`Reading the ${which} run ${run.ref}: ${message}`)
    }
  for await (const item of source.results(baseRun, signal, listingWarn('base', baseRun))) {
    const key = readKey(keyOf, item)
    if (key === null) skipped.base.missing++
    else if (seen.has(key)) {
      skipped.base.repeat(key)
      tests?.add('base', key, compactItem(item, intern))
    } else {
      const side = compactItem(item, intern)
      tests?.add('base', key, side)
      means.add('base', side)
      seen.set(key, side)
    }
  }
  for await (const item of source.results(headRun, signal, listingWarn('head', headRun))) {
    const key = readKey(keyOf, item)
    if (key === null) {
      skipped.head.missing++
      continue
    }
    const found = seen.get(key)
    if (found === MATCHED || found === ADDED) {
      skipped.head.repeat(key)
      tests?.add('head', key, compactItem(item, intern))
      continue
    }
    const side = compactItem(item, intern)
    tests?.add('head', key, side)
    means.add('head', side)
    if (found === undefined) {
      seen.set(key, ADDED)
      counts.added++
      changed.push(oneSided(key, 'added', null, side))
      continue
    }
    seen.set(key, MATCHED)
    const verdict = judgeItem(found, side, sameVendor)
    counts[verdict.change]++
    if (verdict.statusOnly) statusOnly++
    if (verdict.change === 'unchanged') continue
    const { change, scoreDelta, metrics, statusStep, size } = verdict
    changed.push({
      item: { key, change, base: publicSide(found), head: publicSide(side), scoreDelta, metrics },
      statusStep,
      size,
    })
  }
  for (const [key, entry] of seen) {
    if (typeof entry !== 'object') continue
    counts.removed++
    changed.push(oneSided(key, 'removed', entry, null))
  }

  warnings.push(...runWarnings(baseRun, 'base'), ...runWarnings(headRun, 'head'))
  warnings.push(...skipped.base.warnings('base'), ...skipped.head.warnings('head'))
  if (statusOnly > 0) {
    warnings.push(
      `${statusOnly} item${statusOnly === 1 ? '' : 's'} found in both runs had no score or metric to compare (none in common or on one scale): only their status was compared.`,
    )
  }
  const matched = counts.improved + counts.regressed + counts.unchanged
  if (matched === 0 && seen.size > 0) {
    warnings.push('No item of one run has a key found in the other: check the join key.')
  }
  const sameSuite = baseRun.suite.ref === headRun.suite.ref
  if (!sameSuite && options.key === undefined) {
    warnings.push(
      `The runs are of two suites (${baseRun.suite.ref} and ${headRun.suite.ref}): items were joined on the vendor's key, which may name different test cases in each suite.`,
    )
  }
  const summary: ComparisonSummary = { ...counts, metrics: means.changes(sameVendor) }
  const tested = tests?.result() ?? null
  if (tested !== null) warnings.push(...tested.warnings)
  return {
    base: baseRun,
    head: headRun,
    joinedBy: options.key === undefined ? 'key' : 'custom',
    sameSuite,
    summary,
    items: changed.sort(byChange).map((entry) => entry.item),
    complete,
    warnings,
    significance: tested?.significance ?? null,
  }
}

function checkOptions(options: CompareOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new EvalrunInvalidInputError({
      field: 'options',
      value: options,
      expected: 'an options object ({ key?, signal? })',
    })
  }
  if (options.key !== undefined && typeof options.key !== 'function') {
    throw new EvalrunInvalidInputError({
      field: 'options.key',
      value: options.key,
      expected: 'a function of an item that returns its join key',
    })
  }
}

/** The item's join key; null (left out) when the key function gives null or an empty string. */
function readKey(keyOf: (item: EvalItem) => string | null, item: EvalItem): string | null {
  const key: unknown = keyOf(item)
  if (key === null || key === undefined || key === '') return null
  if (typeof key !== 'string') {
    throw new EvalrunInvalidInputError({
      field: 'options.key',
      value: key,
      expected: 'a key function that returns a string, or null to leave the item out',
    })
  }
  return key
}

function oneSided(
  key: string,
  change: 'added' | 'removed',
  base: CompactSide | null,
  head: CompactSide | null,
): Changed {
  // With one side missing there is no delta to take: each metric keeps the value it has.
  const metrics = metricDeltas(base, head, true)
  return {
    item: { key, change, base: publicSide(base), head: publicSide(head), scoreDelta: null, metrics },
    statusStep: 0,
    size: 0,
  }
}

/** Regressions first, biggest fall first (a status step before any score move), then improvements likewise. */
function byChange(a: Changed, b: Changed): number {
  const order: Record<ItemChange, number> = { regressed: 0, improved: 1, added: 2, removed: 3, unchanged: 4 }
  const byKind = order[a.item.change] - order[b.item.change]
  if (byKind !== 0) return byKind
  const steps = Math.abs(b.statusStep) - Math.abs(a.statusStep)
  return steps !== 0 ? steps : b.size - a.size
}

/** Items left out of the join: without a key, or repeating a key already seen in the same run. */
class KeyTrouble {
  missing = 0
  repeats = 0
  firstRepeated: string | null = null

  repeat(key: string): void {
    this.repeats++
    this.firstRepeated ??= key
  }

  warnings(which: string): string[] {
    const out: string[] = []
    if (this.missing > 0)
      out.push(`${this.missing} item(s) of the ${which} run had no join key and were left out.`)
    if (this.repeats > 0)
      out.push(
        `${this.repeats} item(s) of the ${which} run repeat a key already seen in it (first ${JSON.stringify(this.firstRepeated)}); only the first item of each key was compared.`,
      )
    return out
  }
}

function runWarnings(run: EvalRun, which: string): string[] {
  if (run.status === 'completed') return []
  const missing = which === 'base' ? 'added' : 'removed'
  return [
    run.terminal
      ? `The ${which} run ${run.ref} ended ${run.status}: items it did not reach count as ${missing}.`
      : `The ${which} run ${run.ref} is ${run.status}: its unfinished items compare as pending, the ones it has not reached as ${missing}.`,
  ]
}
