import type { ComparedItem, ComparedSide, EvalRun, ItemChange, MetricDelta, RunComparison } from 'evalrun'
import type { Colors } from 'picocolors/types'
import { formatScore } from './format-run.js'
import { describeSignificance } from './format-significance.js'
import { renderTable, stripAnsi } from './table.js'

export const COMPARISON_TABLE_HEADERS = ['CHANGE', 'KEY', 'STATUS', 'SCORE', 'METRICS']

/**
 * A comparison as text: which runs, the changed items (regressions first, as `runs.compare` orders them), the
 * counts, how each metric's mean moved, and the warnings. `maxItems` shortens the table (the demo).
 */
export function describeComparison(
  comparison: RunComparison,
  colors: Colors,
  options: { maxItems?: number } = {},
): string {
  const { base, head, summary } = comparison
  const joined = comparison.joinedBy === 'key' ? 'by item key' : 'by the chosen key'
  const lines = [`base ${runLabel(base)}\nhead ${runLabel(head)}\njoined ${joined}\n`]
  const shown = comparison.items.slice(0, options.maxItems ?? comparison.items.length)
  if (shown.length === 0) lines.push('No item changed.')
  else {
    const rows = shown.map((item) => comparisonRow(item, colors))
    lines.push(renderTable(COMPARISON_TABLE_HEADERS, rows, (s) => stripAnsi(s).length))
    const hidden = comparison.items.length - shown.length
    if (hidden > 0) lines.push(colors.dim(`… and ${hidden} more changed items`))
  }
  lines.push(
    `\n${[
      colors.red(`${summary.regressed} regressed`),
      colors.green(`${summary.improved} improved`),
      `${summary.unchanged} unchanged`,
      `${summary.added} added`,
      `${summary.removed} removed`,
    ].join(' · ')}`,
  )
  if (summary.metrics.length > 0) {
    const rows = summary.metrics.map((metric) => [
      metric.name,
      formatScore(metric.baseMean),
      formatScore(metric.headMean),
      formatDelta(metric.delta, colors),
      metric.normalized ? '0..1' : 'raw',
    ])
    lines.push(
      `\n${renderTable(['METRIC (MEAN)', 'BASE', 'HEAD', 'CHANGE', 'SCALE'], rows, (s) => stripAnsi(s).length)}`,
    )
  }
  if (comparison.significance)
    lines.push(`\n${describeSignificance(comparison.significance, colors).trimEnd()}`)
  for (const warning of comparison.warnings) lines.push(`${colors.yellow('warning')} ${warning}`)
  return `${lines.join('\n')}\n`
}

/** `datalab:42  collection Q3 invoices  nightly  completed, score 79 (0.790 normalised)`. */
function runLabel(run: EvalRun): string {
  const normalized =
    run.normalizedScore !== null && run.normalizedScore !== run.score
      ? ` (${formatScore(run.normalizedScore)} normalised)`
      : ''
  return `${run.ref}  ${run.suite.kind} ${run.suite.name ?? run.suite.id}  ${run.name ?? '—'}  ${run.status}, score ${formatScore(run.score)}${normalized}`
}

export function comparisonRow(item: ComparedItem, colors: Colors): string[] {
  return [
    colorChange(item.change, colors),
    truncate(item.key, 40),
    sides(item, (side) => side.status),
    scoreCell(item, colors),
    metricsCell(item.metrics, colors),
  ]
}

function colorChange(change: ItemChange, colors: Colors): string {
  switch (change) {
    case 'regressed':
      return colors.red(change)
    case 'improved':
      return colors.green(change)
    case 'added':
      return colors.cyan(change)
    case 'removed':
      return colors.yellow(change)
    default:
      return change
  }
}

/** `a → b`, or `a` when both are the same, `— → b` for an added item. */
function sides(item: ComparedItem, pick: (side: ComparedSide) => string): string {
  const before = item.base ? pick(item.base) : '—'
  const after = item.head ? pick(item.head) : '—'
  return before === after ? before : `${before} → ${after}`
}

/** Normalised scores when both sides have one (what `scoreDelta` is on), else the vendor's. */
function scoreCell(item: ComparedItem, colors: Colors): string {
  const normalized = [item.base, item.head].every((side) => side === null || side.normalizedScore !== null)
  const text = sides(item, (side) => formatScore(normalized ? side.normalizedScore : side.score))
  return item.scoreDelta === null || item.scoreDelta === 0
    ? text
    : `${text} (${formatDelta(item.scoreDelta, colors)})`
}

/** The metrics that moved, biggest move first: `Correct -1 · Similarity +0.2`. */
function metricsCell(metrics: MetricDelta[], colors: Colors): string {
  const moved = metrics
    .filter((metric) => metric.delta !== null && metric.delta !== 0)
    .sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0))
  const shown = moved.slice(0, 3).map((metric) => `${metric.name} ${formatDelta(metric.delta, colors)}`)
  if (moved.length > 3) shown.push(`+${moved.length - 3} more`)
  return shown.join(' · ')
}

export function formatDelta(delta: number | null, colors: Colors): string {
  if (delta === null) return '—'
  const text = `${delta > 0 ? '+' : ''}${formatScore(delta)}`
  return delta > 0 ? colors.green(text) : delta < 0 ? colors.red(text) : text
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
