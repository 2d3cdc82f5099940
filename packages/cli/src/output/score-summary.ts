import type { EvalRun } from 'evalrun'

/** One vendor's runs counted, and its completed runs' scores averaged on one scale where one is known. */
export interface VendorScoreSummary {
  vendor: string
  runs: number
  completed: number
  failed: number
  canceled: number
  /** The mean normalised score (0..1) of the completed runs whose scale is known, and how many they are. */
  meanNormalized: number | null
  normalizedRuns: number
  /** The mean raw score of the completed runs whose scale is unknown: on the vendor's own scale, and how many. */
  meanRaw: number | null
  rawRuns: number
}

export const SCORE_SUMMARY_HEADERS = [
  'VENDOR',
  'RUNS',
  'COMPLETED',
  'FAILED',
  'CANCELED',
  'MEAN SCORE (0..1)',
  'MEAN RAW SCORE (SCALE UNKNOWN)',
]

/** Said under the table: the two means are not on one scale. */
export const SCORE_SUMMARY_NOTE =
  'Scores are moved onto 0..1 by the scale their vendor declares; a raw mean is on a scale no source gives, so it is not comparable with 0..1 or with another vendor.'

/** Per vendor, in the order first seen. A run's score counts once: normalised when it can be, else raw. */
export function scoreSummary(runs: Iterable<EvalRun>): VendorScoreSummary[] {
  const byVendor = new Map<string, EvalRun[]>()
  for (const run of runs) byVendor.set(run.vendor, [...(byVendor.get(run.vendor) ?? []), run])
  return [...byVendor].map(([vendor, list]) => {
    const completed = list.filter((run) => run.status === 'completed')
    const normalized = completed.flatMap((run) => (run.normalizedScore === null ? [] : [run.normalizedScore]))
    const raw = completed.flatMap((run) =>
      run.normalizedScore === null && run.score !== null ? [run.score] : [],
    )
    return {
      vendor,
      runs: list.length,
      completed: completed.length,
      failed: list.filter((run) => run.status === 'failed').length,
      canceled: list.filter((run) => run.status === 'canceled').length,
      meanNormalized: mean(normalized),
      normalizedRuns: normalized.length,
      meanRaw: mean(raw),
      rawRuns: raw.length,
    }
  })
}

/** A table row: the means to 3 decimals, a raw one marked `raw`, each with its count when not every run has one. */
export function scoreSummaryRow(summary: VendorScoreSummary): string[] {
  const of = (count: number) => (count === summary.completed ? '' : ` (${count} of ${summary.completed})`)
  return [
    summary.vendor,
    String(summary.runs),
    String(summary.completed),
    String(summary.failed),
    String(summary.canceled),
    summary.meanNormalized === null
      ? '—'
      : `${summary.meanNormalized.toFixed(3)}${of(summary.normalizedRuns)}`,
    summary.meanRaw === null ? '—' : `${summary.meanRaw.toFixed(3)} raw${of(summary.rawRuns)}`,
  ]
}

/**
 * A run's score where it sits beside others: on 0..1 when its scale is known (`0.704 (70.37 on 0..100)`), else raw
 * and said so (`0.752 raw, scale unknown`); `—` when it has none.
 */
export function scoreOnOneScale(run: Pick<EvalRun, 'score' | 'scoreScale' | 'normalizedScore'>): string {
  if (run.score === null) return '—'
  const raw = Number(run.score.toFixed(3))
  if (run.normalizedScore === null || run.scoreScale === null) return `${raw} raw, scale unknown`
  const { min, max } = run.scoreScale
  const onUnit = min === 0 && max === 1
  return `${run.normalizedScore.toFixed(3)}${onUnit ? '' : ` (${raw} on ${min}..${max})`}`
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}
