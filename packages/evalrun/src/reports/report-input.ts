import type { RunComparison } from '../core/comparison.js'
import type { EvalItem, EvalRun, ScoreScale } from '../core/model.js'
import type { RunStats } from '../core/run-stats.js'

/** A gate's verdict on one run, as `evalrun runs wait` gives it: passed or not, and why in words. */
export interface RunVerdict {
  passed: boolean
  reason: string
}

/** Items given as a list or lazily (`evalrun.runs.results(ref)`), so that a report need not hold a run's payloads. */
export type ReportItems = Iterable<EvalItem> | AsyncIterable<EvalItem>

/** One run in a report: the run, its gate verdict when there was a gate, and its items when the report shows them. */
export interface ReportRun {
  run: EvalRun
  verdict?: RunVerdict | null
  items?: ReportItems | null
  /**
   * The run's intervals (`runs.stats(ref, { stats })`): shown as `± half-width` and n beside the pass rate and the
   * normalised score, and as error bars on the charts.
   */
  stats?: RunStats | null
}

/** A run a report was asked for but could not read: its ref and the reason, as the error said it. */
export interface UnreadRun {
  ref: string
  reason: string
}

/** What every report takes: plain data that the caller read, so that a report does no I/O of its own. */
export interface ReportInput {
  /** The runs, in the order to show them; a list or lazily. */
  runs: Iterable<ReportRun> | AsyncIterable<ReportRun>
  /** Runs that could not be read at all (not found, an API error), by ref and why: errors in JUnit, rows elsewhere. */
  unreadRuns?: readonly UnreadRun[] | null
  /** Comparisons of pairs of runs (`runs.compare(base, head)`), shown as regressions and changes. */
  comparisons?: readonly RunComparison[] | null
  /** The report's title; default `evalrun`. */
  title?: string
}

export async function* iterate<T>(source: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* source
}

/** `0..1 (declared)`, or `unknown` when no source gives the scale. */
export function formatScale(scale: ScoreScale | null): string {
  return scale === null ? 'unknown' : `${scale.min}..${scale.max} (${scale.source})`
}

/** A score as written on its own scale, to 3 decimals at most (`0.8`, `0.813`, `79`); `—` when there is none. */
export function formatNumber(value: number | null, empty = '—'): string {
  if (value === null || !Number.isFinite(value)) return empty
  return String(Number(value.toFixed(3)))
}

/** A 0..1 rate as a percentage with one decimal: `92.5%`. */
export function formatPercent(value: number | null, empty = '—'): string {
  if (value === null || !Number.isFinite(value)) return empty
  return `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`
}

/** A signed change on the 0..1 scale, in points: `-12.5 pts`. */
export function formatDelta(delta: number | null, normalized = true, empty = '—'): string {
  if (delta === null || !Number.isFinite(delta)) return empty
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±'
  const size = Math.abs(delta)
  return normalized
    ? `${sign}${(size * 100).toFixed(1).replace(/\.0$/, '')} pts`
    : `${sign}${formatNumber(size)}`
}

/** The run's suite in words: its name, else its id. */
export function suiteLabel(run: EvalRun): string {
  return run.suite.name ?? run.suite.id
}

/** The run in words: its name, else its id. */
export function runLabel(run: EvalRun): string {
  return run.name ?? run.id
}
