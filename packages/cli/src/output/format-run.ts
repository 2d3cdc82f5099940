import type { EvalItem, EvalMetric, EvalRun, RunStatus } from 'evalrun'
import type { Colors } from 'picocolors/types'

export const RUN_TABLE_HEADERS = [
  'REF',
  'VENDOR',
  'SUITE',
  'NAME',
  'STATUS',
  'PROGRESS',
  'SCORE',
  'PASS-RATE',
  'CREATED',
]

export function runRow(run: EvalRun, colors: Colors): string[] {
  return [
    run.ref,
    run.vendor,
    truncate(run.suite.name ?? run.suite.id, 28),
    truncate(run.name ?? '—', 32),
    colorStatus(run.status, colors),
    formatProgress(run),
    formatScoreOnScale(run),
    formatRate(run.passRate),
    run.createdAt ? formatDate(run.createdAt) : '—',
  ]
}

export function colorStatus(status: RunStatus, colors: Colors): string {
  switch (status) {
    case 'completed':
      return colors.green(status)
    case 'failed':
      return colors.red(status)
    case 'canceled':
      return colors.yellow(status)
    case 'running':
    case 'queued':
      return colors.cyan(status)
    default:
      return colors.magenta(status)
  }
}

export function formatProgress(run: EvalRun): string {
  const { total, completed, failed } = run.progress
  if (total === null && completed === null) return '—'
  const done = `${completed ?? '?'}/${total ?? '?'}`
  return failed ? `${done} (${failed} failed)` : done
}

export function formatScore(score: number | null): string {
  if (score === null) return '—'
  return Number.isInteger(score) ? String(score) : score.toFixed(3)
}

/**
 * A score with the scale it is on, so that no one reads a bare number on an unknown scale: `60 (0..100) = 0.60`,
 * `0.812 (0..1)`, `3.5 (no scale)`, or `—` without a score. The part after `=` is what `--min-score` compares.
 */
export function formatScoreOnScale(run: Pick<EvalRun, 'score' | 'scoreScale' | 'normalizedScore'>): string {
  if (run.score === null) return '—'
  const scale = run.scoreScale
  if (scale === null) return `${formatScore(run.score)} (no scale)`
  const range = `${scale.min}..${scale.max}`
  if (scale.min === 0 && scale.max === 1 && run.normalizedScore !== null)
    return `${formatScore(run.score)} (${range})`
  const normalized = run.normalizedScore === null ? '—' : run.normalizedScore.toFixed(2)
  return `${formatScore(run.score)} (${range}) = ${normalized}`
}

/** A share of passed verdicts, 0..1, as the gate's `--min-pass-rate` reads it; `—` when the run has none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : rate.toFixed(3)
}

export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}Z`
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

export const ITEM_TABLE_HEADERS = ['ID', 'NAME', 'STATUS', 'SCORE']
export function itemRow(item: EvalItem): string[] {
  return [item.id, truncate(item.name ?? '—', 40), item.status, formatScore(item.score)]
}

/** `accuracy 0.812`, `helpful 71%`, `tone positive=3 neutral=2`. */
export function formatMetric(metric: EvalMetric): string {
  if (metric.kind === 'boolean' && metric.value !== null)
    return `${metric.name} ${Math.round(metric.value * 100)}%`
  if (metric.kind === 'categorical') {
    const counts = Object.entries(metric.counts ?? {}).map(([option, count]) => `${option}=${count}`)
    return `${metric.name} ${counts.join(' ')}`
  }
  return `${metric.name} ${formatScore(metric.value)}`
}
