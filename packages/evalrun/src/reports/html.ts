import type { RunComparison } from '../core/comparison.js'
import { RUN_STATUSES, type RunStatus, type ScoreScale } from '../core/model.js'
import type { RunStats } from '../core/run-stats.js'
import { escapeAttribute, escapeText } from './escape-markup.js'
import { type ChartSeries, timeChart } from './html-chart.js'
import { significanceTable } from './html-significance.js'
import { plusMinus } from './interval-text.js'
import { latestPairs, type RunPair } from './latest-pairs.js'
import {
  formatDelta,
  formatNumber,
  formatPercent,
  formatScale,
  iterate,
  type ReportInput,
  type RunVerdict,
} from './report-input.js'
import { safeUrl } from './safe-url.js'

export interface HtmlReportOptions {
  /** When the report was made, as the page says; default now. */
  generatedAt?: Date
  /** Rows of the table of every run, latest first; past it a note says how many were left out. Default 2,000. */
  maxRunRows?: number
}

/** What the page keeps of a run: never its payload, so that thousands of runs stay small. */
interface Row {
  ref: string
  vendor: string
  name: string | null
  suite: { ref: string; name: string | null }
  status: RunStatus
  createdAt: Date | null
  score: number | null
  scoreScale: ScoreScale | null
  normalizedScore: number | null
  passRate: number | null
  url: string | null
  verdict: RunVerdict | null
  stats: RunStats | null
}

/** Okabe and Ito's colour-blind-safe palette, assigned to vendors in alphabetical order. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999933']

/**
 * One self-contained HTML page: every run across vendors, each suite's normalised score and pass rate over time as
 * SVG charts coloured by vendor with their values in tables beside them, status counts per vendor, and the latest
 * pair of completed runs per suite with what changed (item counts and top regressions when a comparison of that
 * pair is given). No script, no external style, font or image: a Content-Security-Policy forbids every request,
 * and the only links are to the vendors' own run pages. Every vendor string is escaped.
 */
export async function renderHtmlReport(input: ReportInput, options: HtmlReportOptions = {}): Promise<string> {
  const rows: Row[] = []
  for await (const { run, verdict, stats } of iterate(input.runs)) {
    rows.push({
      ref: run.ref,
      vendor: run.vendor,
      name: run.name,
      suite: { ref: run.suite.ref, name: run.suite.name },
      status: run.status,
      createdAt: run.createdAt,
      score: run.score,
      scoreScale: run.scoreScale,
      normalizedScore: run.normalizedScore,
      passRate: run.passRate,
      url: run.url,
      verdict: verdict ?? null,
      stats: stats ?? null,
    })
  }
  rows.sort(
    (a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || a.ref.localeCompare(b.ref),
  )
  const title = input.title ?? 'evalrun report'
  const generatedAt = options.generatedAt ?? new Date()
  const colors = vendorColors(rows)
  const comparisons = input.comparisons ?? []
  const suites = groupSuites(rows)
  const pairs = latestPairs(rows)
  const shown = new Set<RunComparison>()

  const body = [
    `<header><h1>${escapeText(title)}</h1><p class="meta">Generated ${formatDate(generatedAt)} from ${rows.length} ${rows.length === 1 ? 'run' : 'runs'} across ${colors.size} ${colors.size === 1 ? 'vendor' : 'vendors'} and ${suites.length} ${suites.length === 1 ? 'suite' : 'suites'}. Scores are compared on 0..1: each run's score moved onto 0..1 by the scale its vendor declares; a run whose scale is unknown has no point.</p>${legend(colors)}</header>`,
    statusSection(rows, colors),
    `<section id="suites"><h2>Suites over time</h2>${suites.map((suite, index) => suiteSection(suite, index, colors, pairs, comparisons, shown)).join('')}</section>`,
    otherComparisons(comparisons.filter((comparison) => !shown.has(comparison))),
    runsSection(rows, colors, options.maxRunRows ?? 2_000),
  ]
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(title)}</title>
<style>${STYLE}</style>
</head><body>
${body.join('\n')}
<footer>Made by evalrun. This file makes no network request; links open the vendors' own pages.</footer>
</body></html>
`
}

interface Suite {
  label: string
  refs: string[]
  rows: Row[]
}

/**
 * Suites by name, so that one eval kept on two platforms shares a chart and its vendors' lines can be told apart by
 * colour; a suite with no name is its own group.
 */
function groupSuites(rows: readonly Row[]): Suite[] {
  const groups = new Map<string, Suite>()
  for (const row of rows) {
    const name = row.suite.name?.trim()
    const key = name ? `name:${name}` : `ref:${row.suite.ref}`
    const suite = groups.get(key) ?? { label: name || row.suite.ref, refs: [], rows: [] }
    if (!suite.refs.includes(row.suite.ref)) suite.refs.push(row.suite.ref)
    suite.rows.push(row)
    groups.set(key, suite)
  }
  // Suites with the most points to chart first, then the busiest: they are what a reader came for.
  const charted = (suite: Suite) =>
    suite.rows.reduce(
      (points, row) => points + Number(row.normalizedScore !== null) + Number(row.passRate !== null),
      0,
    )
  return [...groups.values()].sort(
    (a, b) => charted(b) - charted(a) || b.rows.length - a.rows.length || a.label.localeCompare(b.label),
  )
}

function vendorColors(rows: readonly Row[]): Map<string, string> {
  const vendors = [...new Set(rows.map((row) => row.vendor))].sort()
  return new Map(vendors.map((vendor, index) => [vendor, PALETTE[index % PALETTE.length] as string]))
}

function legend(colors: Map<string, string>): string {
  const entries = [...colors].map(
    ([vendor, color]) =>
      `<li><span class="swatch" style="background:${color}"></span>${escapeText(vendor)}</li>`,
  )
  return `<ul class="legend" aria-label="vendors">${entries.join('')}</ul>`
}

function statusSection(rows: readonly Row[], colors: Map<string, string>): string {
  const counts = new Map<string, Map<RunStatus, number>>()
  for (const row of rows) {
    const byStatus = counts.get(row.vendor) ?? new Map<RunStatus, number>()
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1)
    counts.set(row.vendor, byStatus)
  }
  const body = [...colors.keys()].map((vendor) => {
    const byStatus = counts.get(vendor)
    const cells = RUN_STATUSES.map((status) => `<td class="num">${byStatus?.get(status) ?? 0}</td>`)
    const total = [...(byStatus?.values() ?? [])].reduce((a, b) => a + b, 0)
    return `<tr data-vendor="${escapeAttribute(vendor)}"><th scope="row">${vendorCell(vendor, colors)}</th>${cells.join('')}<td class="num">${total}</td></tr>`
  })
  const totals = RUN_STATUSES.map(
    (status) => `<td class="num">${rows.filter((row) => row.status === status).length}</td>`,
  )
  return `<section id="status"><h2>Status counts</h2><table id="status-counts"><thead><tr><th scope="col">Vendor</th>${RUN_STATUSES.map((status) => `<th scope="col">${status}</th>`).join('')}<th scope="col">Total</th></tr></thead><tbody>${body.join('')}</tbody><tfoot><tr><th scope="row">All</th>${totals.join('')}<td class="num">${rows.length}</td></tr></tfoot></table></section>`
}

function suiteSection(
  suite: Suite,
  index: number,
  colors: Map<string, string>,
  pairs: readonly RunPair<Row>[],
  comparisons: readonly RunComparison[],
  shown: Set<RunComparison>,
): string {
  const series = (
    value: (row: Row) => number | null,
    interval: (row: Row) => { low: number; high: number } | null | undefined,
  ): ChartSeries[] =>
    suite.refs.map((ref) => {
      const vendor = suite.rows.find((row) => row.suite.ref === ref)?.vendor ?? ''
      return {
        vendor,
        color: colors.get(vendor) ?? '#666',
        points: suite.rows.flatMap((row) => {
          const v = value(row)
          if (row.suite.ref !== ref || row.createdAt === null || v === null) return []
          const bar = interval(row)
          const range = bar ? ` (${formatNumber(bar.low)}–${formatNumber(bar.high)})` : ''
          return [
            {
              time: row.createdAt.getTime(),
              value: v,
              ref: row.ref,
              label: `${row.ref} (${row.vendor}) · ${formatDate(row.createdAt)} · ${formatNumber(v)}${range}`,
              ...(bar ? { low: bar.low, high: bar.high } : {}),
            },
          ]
        }),
      }
    })
  const charted = suite.rows.filter(
    (row) => row.createdAt !== null && (row.normalizedScore !== null || row.passRate !== null),
  )
  const tableRows = charted.map(
    (row) =>
      `<tr data-ref="${escapeAttribute(row.ref)}"><td>${formatDate(row.createdAt)}</td><td>${vendorCell(row.vendor, colors)}</td><td>${runCell(row)}</td><td>${row.status}</td><td class="num">${formatNumber(row.normalizedScore)}${escapeText(plusMinus(row.stats?.score))}</td><td class="num">${formatPercent(row.passRate)}${escapeText(plusMinus(row.stats?.passRate, true))}</td></tr>`,
  )
  const suitePairs = pairs.filter((pair) => suite.refs.includes(pair.head.suite.ref))
  const label = escapeText(suite.label)
  return `<article class="suite" id="suite-${index}" data-suite="${escapeAttribute(suite.label)}">
<h3>${label} <small>${suite.refs.map((ref) => escapeText(ref)).join(', ')} · ${suite.rows.length} ${suite.rows.length === 1 ? 'run' : 'runs'}</small></h3>
<div class="suite-body"><div class="charts">
<figure class="normalized"><figcaption>Normalised score (0..1)</figcaption>${timeChart(
    `suite-${index}-score`,
    `${suite.label}: normalised score over time`,
    series(
      (row) => row.normalizedScore,
      (row) => row.stats?.score,
    ),
  )}</figure>
<figure class="pass-rate"><figcaption>Pass rate (0..1)</figcaption>${timeChart(
    `suite-${index}-pass`,
    `${suite.label}: pass rate over time`,
    series(
      (row) => row.passRate,
      (row) => row.stats?.passRate,
    ),
  )}</figure>
</div>
${
  charted.length === 0
    ? '<p class="note points">No run of this suite has a normalised score or a pass rate: its vendor declares no scale for its scores, or they are not done. The table of every run below has their own scores.</p>'
    : `<details class="points"${charted.length <= 25 ? ' open' : ''}><summary>${charted.length} charted ${charted.length === 1 ? 'run' : 'runs'}</summary><table class="points-table"><thead><tr><th scope="col">Created</th><th scope="col">Vendor</th><th scope="col">Run</th><th scope="col">Status</th><th scope="col">Normalised</th><th scope="col">Pass rate</th></tr></thead><tbody>${tableRows.join('')}</tbody></table></details>`
}
</div>
${suitePairs.map((pair) => pairSection(pair, colors, comparisons, shown)).join('')}
</article>`
}

function pairSection(
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
  return `<section class="pair" data-base="${escapeAttribute(base.ref)}" data-head="${escapeAttribute(head.ref)}"><h4>Latest pair of ${escapeText(head.suite.ref)} ${vendorCell(head.vendor, colors)}</h4>${table}${comparison ? comparisonDetail(comparison) : '<p class="note">Item changes: no comparison of this pair was given.</p>'}</section>`
}

function comparisonDetail(comparison: RunComparison): string {
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
              `<tr><td>${escapeText(item.key)}</td><td class="num">${formatNumber(item.base?.normalizedScore ?? item.base?.score ?? null)}</td><td class="num">${formatNumber(item.head?.normalizedScore ?? item.head?.score ?? null)}</td><td class="num">${changeCell(item.scoreDelta)}</td></tr>`,
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

function otherComparisons(comparisons: readonly RunComparison[]): string {
  if (comparisons.length === 0) return ''
  const sections = comparisons.map(
    (comparison) =>
      `<section class="comparison"><h3>${escapeText(comparison.base.ref)} → ${escapeText(comparison.head.ref)}</h3>${comparisonDetail(comparison)}</section>`,
  )
  return `<section id="comparisons"><h2>Comparisons</h2>${sections.join('')}</section>`
}

function runsSection(rows: readonly Row[], colors: Map<string, string>, maxRows: number): string {
  const shown = rows.slice(0, Math.max(0, maxRows))
  const body = shown.map(
    (row) =>
      `<tr data-ref="${escapeAttribute(row.ref)}" data-vendor="${escapeAttribute(row.vendor)}" data-status="${row.status}"><td>${formatDate(row.createdAt)}</td><td>${vendorCell(row.vendor, colors)}</td><td>${escapeText(row.suite.name ?? row.suite.ref)}</td><td>${runCell(row)}</td><td class="status-${row.status}">${row.status}</td><td class="num">${formatNumber(row.score)}</td><td>${formatScale(row.scoreScale)}</td><td class="num">${formatNumber(row.normalizedScore)}</td><td class="num">${formatPercent(row.passRate)}</td><td>${row.verdict ? `${row.verdict.passed ? '✓' : '✗'} ${escapeText(row.verdict.reason)}` : '—'}</td></tr>`,
  )
  const cut =
    rows.length > shown.length
      ? `<p class="note">The ${shown.length} latest of ${rows.length} runs are listed; the charts and counts include every run.</p>`
      : ''
  return `<section id="runs"><h2>Every run</h2>${cut}<table id="runs-table"><thead><tr><th scope="col">Created</th><th scope="col">Vendor</th><th scope="col">Suite</th><th scope="col">Run</th><th scope="col">Status</th><th scope="col">Score</th><th scope="col">Scale</th><th scope="col">Normalised</th><th scope="col">Pass rate</th><th scope="col">Verdict</th></tr></thead><tbody>${body.join('')}</tbody></table></section>`
}

function vendorCell(vendor: string, colors: Map<string, string>): string {
  return `<span class="vendor"><span class="swatch" style="background:${colors.get(vendor) ?? '#666'}"></span>${escapeText(vendor)}</span>`
}

/** The run's ref, and its name when it has one; a link to the vendor's page when it gives one. */
function runCell(row: Row): string {
  const text = `<code>${escapeText(row.ref)}</code>${row.name ? ` ${escapeText(row.name)}` : ''}`
  const url = safeUrl(row.url)
  return url ? `<a href="${escapeAttribute(url)}" rel="noreferrer">${text}</a>` : text
}

/** A score on its own scale, the scale said beside it. */
function scoreCell(row: Row): string {
  return row.score === null
    ? '—'
    : `${formatNumber(row.score)} <small>on ${formatScale(row.scoreScale)}</small>`
}

function changeCell(delta: number | null, normalized = true): string {
  const text = formatDelta(delta, normalized)
  if (delta === null || delta === 0) return text
  return `<span class="${delta > 0 ? 'good' : 'bad'}">${text}</span>`
}

function formatDate(date: Date | null): string {
  if (date === null || Number.isNaN(date.getTime())) return '—'
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}Z`
}

const STYLE = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;padding:24px;max-width:1280px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:0 0 8px}h3 small{color:var(--muted);font-weight:normal;font-size:12px}h4{font-size:14px;margin:16px 0 6px}
.meta,.note,footer{color:var(--muted)}footer{margin-top:32px;font-size:12px}
table{border-collapse:collapse;font-size:13px;margin:4px 0}th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
thead th{background:var(--soft)}td.num{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:4px 0}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:16px;margin:8px 0}
.vendor{white-space:nowrap}.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.suite{border:1px solid var(--line);border-radius:8px;padding:16px;margin:16px 0}
.suite-body{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.charts{display:flex;flex-direction:column;gap:8px;flex:0 1 520px}figure{margin:0}figcaption{font-size:12px;color:var(--muted)}
.chart{max-width:100%;height:auto;background:var(--soft);border-radius:6px}
.chart text{font-size:10px;fill:var(--muted)}.chart .grid{stroke:var(--line);stroke-width:1}.chart.empty text{font-size:12px}
.chart .point{stroke:#fff;stroke-width:1}
p.points{flex:1 1 420px;margin:0}details.points{flex:1 1 420px;max-height:500px;overflow:auto}.points-table td:first-child{white-space:nowrap}summary{cursor:pointer;color:var(--muted)}
.good{color:#1a7f37}.bad{color:#cf222e}.status-failed{color:#cf222e}.status-completed{color:#1a7f37}.status-canceled{color:#9a6700}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
.pair-table{width:100%;table-layout:fixed}.pair-table th:first-child{width:150px}.pair-table th:last-child{width:110px}
#runs-table{width:100%}
`
