import type { RunComparison } from '../core/comparison.js'
import { escapeAttribute, escapeText } from './escape-markup.js'
import {
  changeCell,
  formatDate,
  itemCell,
  type Row,
  runCell,
  scoreCell,
  suiteText,
  vendorCell,
} from './html-cells.js'
import { significanceTable } from './html-significance.js'
import type { RunPair } from './latest-pairs.js'
import { refMarkup } from './ref-text.js'
import { formatNumber, formatPercent } from './report-input.js'

/** A suite's latest pair of completed runs side by side, and what changed item by item when a comparison is given. */
export function pairSection(
  pair: RunPair<Row>,
  colors: Map<string, string>,
  comparisons: readonly RunComparison[],
  shown: Set<RunComparison>,
): string {
  const { base, head } = pair
  const comparison = comparisons.find((c) => c.base.ref === base.ref && c.head.ref === head.ref)
  if (comparison) shown.add(comparison)
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a)
  const table = `<table class="pair-table"><thead><tr><th scope="col"></th><th scope="col">Base (earlier)</th><th scope="col">Head (latest)</th><th scope="col">Change</th></tr></thead><tbody>
<tr><th scope="row">Run</th><td>${runCell(base)} ${formatDate(base.createdAt)}</td><td>${runCell(head)} ${formatDate(head.createdAt)}</td><td></td></tr>
<tr><th scope="row">Score</th><td class="num">${scoreCell(base)}</td><td class="num">${scoreCell(head)}</td><td></td></tr>
<tr><th scope="row">Normalised score</th><td class="num">${formatNumber(base.normalizedScore)}</td><td class="num">${formatNumber(head.normalizedScore)}</td><td class="num">${changeCell(delta(base.normalizedScore, head.normalizedScore))}</td></tr>
<tr><th scope="row">Pass rate</th><td class="num">${formatPercent(base.passRate)}</td><td class="num">${formatPercent(head.passRate)}</td><td class="num">${changeCell(delta(base.passRate, head.passRate))}</td></tr>
</tbody></table>`
  return `<section class="pair" data-base="${escapeAttribute(base.ref)}" data-head="${escapeAttribute(head.ref)}"><h4>Latest pair of ${escapeText(suiteText(head.suite))} ${refMarkup(head.suite.ref)} ${vendorCell(head.vendor, colors)}</h4>${table}${comparison ? comparisonDetail(comparison) : '<p class="note">Item changes: no comparison of this pair was given.</p>'}</section>`
}

export function comparisonDetail(comparison: RunComparison): string {
  const { summary } = comparison
  const counts = `<p class="counts"><span class="bad">${summary.regressed} regressed</span> · <span class="good">${summary.improved} improved</span> · ${summary.unchanged} unchanged · ${summary.added} added · ${summary.removed} removed</p>`
  const metrics =
    summary.metrics.length === 0
      ? ''
      : `<table class="metric-table"><thead><tr><th scope="col">Metric</th><th scope="col">Base mean</th><th scope="col">Head mean</th><th scope="col">Change</th></tr></thead><tbody>${summary.metrics
          .map(
            (metric) =>
              `<tr><td>${escapeText(metric.name)}</td><td class="num">${formatNumber(metric.baseMean)}</td><td class="num">${formatNumber(metric.headMean)}</td><td class="num">${changeCell(metric.delta, metric.normalized)}</td></tr>`,
          )
          .join('')}</tbody></table>`
  const regressions = comparison.items.filter((item) => item.change === 'regressed').slice(0, 10)
  const top =
    regressions.length === 0
      ? ''
      : `<table class="regressions"><caption>Top regressions (${regressions.length} of ${summary.regressed})</caption><thead><tr><th scope="col">Item</th><th scope="col">Base</th><th scope="col">Head</th><th scope="col">Change</th></tr></thead><tbody>${regressions
          .map(
            (item) =>
              `<tr data-key="${escapeAttribute(item.key)}"><td>${itemCell(item.key, item.head?.name ?? item.base?.name ?? null)}</td><td class="num">${formatNumber(item.base?.normalizedScore ?? item.base?.score ?? null)}</td><td class="num">${formatNumber(item.head?.normalizedScore ?? item.head?.score ?? null)}</td><td class="num">${changeCell(item.scoreDelta)}</td></tr>`,
          )
          .join('')}</tbody></table>`
  const warnings = comparison.warnings
    .slice(0, 5)
    .map((warning) => `<p class="note">${escapeText(warning)}</p>`)
    .join('')
  const partial = comparison.complete
    ? ''
    : '<p class="bad">An item listing stopped before its end: these counts cover only the items read.</p>'
  return `${partial}${counts}${metrics}${significanceTable(comparison)}${top}${warnings}`
}

/** Comparisons of runs that are not a suite's latest pair: each on its own, by its runs' names. */
export function otherComparisons(comparisons: readonly RunComparison[]): string {
  if (comparisons.length === 0) return ''
  const sections = comparisons.map(
    (comparison) =>
      `<section class="comparison"><h3>${runCell(comparison.base)} → ${runCell(comparison.head)}</h3>${comparisonDetail(comparison)}</section>`,
  )
  return `<section id="comparisons"><h2>Comparisons</h2>${sections.join('')}</section>`
}
