import type { RunComparison } from '../core/comparison.js'
import { RUN_STATUSES, type RunStatus } from '../core/model.js'
import { escapeAttribute, escapeText } from './escape-markup.js'
import { formatDate, type Row, runCell, suiteCell, vendorCell } from './html-cells.js'
import { otherComparisons } from './html-pairs.js'
import { STYLE } from './html-style.js'
import { groupSuites, suiteSection } from './html-suite.js'
import { latestPairs } from './latest-pairs.js'
import { formatNumber, formatPercent, formatScale, iterate, type ReportInput } from './report-input.js'
import { vendorColors } from './vendor-colors.js'

export interface HtmlReportOptions {
  /** When the report was made, as the page says; default now. */
  generatedAt?: Date
  /** Rows of the table of every run, latest first; past it a note says how many were left out. Default 2,000. */
  maxRunRows?: number
  /**
   * Each vendor's colour by vendor id, `#rrggbb` with at least 3:1 contrast on the charts' background: what the
   * vendors' descriptions declare (`vendorColorsOf(BUILT_IN_VENDORS)`). A vendor not in it gets a colour made from
   * its id, the same in every report.
   */
  vendorColors?: Readonly<Record<string, string>>
}

/**
 * One self-contained HTML page: every run across vendors, each suite's normalised score, raw score (where no scale
 * is known, on its own axis) and pass rate over time as SVG charts, each vendor in its own fixed colour, with their
 * values in tables beside them; suites, runs and items by name, refs shortened; status counts per vendor; the latest
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
      suite: { kind: run.suite.kind, id: run.suite.id, ref: run.suite.ref, name: run.suite.name },
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
  const colors = vendorColors(
    rows.map((row) => row.vendor),
    options.vendorColors,
  )
  const comparisons = input.comparisons ?? []
  const suites = groupSuites(rows)
  const pairs = latestPairs(rows)
  const shown = new Set<RunComparison>()

  const body = [
    `<header><h1>${escapeText(title)}</h1><p class="meta">Generated ${formatDate(generatedAt)} from ${rows.length} ${rows.length === 1 ? 'run' : 'runs'} across ${colors.size} ${colors.size === 1 ? 'vendor' : 'vendors'} and ${suites.length} ${suites.length === 1 ? 'suite' : 'suites'}. Scores are charted on 0..1 where their scale is known (each score moved onto 0..1 by the scale its vendor declares); a score on no known scale is charted raw, on a chart and axis of its own marked “raw score, scale unknown”.</p>${legend(colors)}</header>`,
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

function runsSection(rows: readonly Row[], colors: Map<string, string>, maxRows: number): string {
  const shown = rows.slice(0, Math.max(0, maxRows))
  const body = shown.map(
    (row) =>
      `<tr data-ref="${escapeAttribute(row.ref)}" data-vendor="${escapeAttribute(row.vendor)}" data-status="${row.status}"><td>${formatDate(row.createdAt)}</td><td>${vendorCell(row.vendor, colors)}</td><td>${suiteCell(row.suite)}</td><td>${runCell(row)}</td><td class="status-${row.status}">${row.status}</td><td class="num">${formatNumber(row.score)}</td><td>${formatScale(row.scoreScale)}</td><td class="num">${formatNumber(row.normalizedScore)}</td><td class="num">${formatPercent(row.passRate)}</td><td>${row.verdict ? `${row.verdict.passed ? '✓' : '✗'} ${escapeText(row.verdict.reason)}` : '—'}</td></tr>`,
  )
  const cut =
    rows.length > shown.length
      ? `<p class="note">The ${shown.length} latest of ${rows.length} runs are listed; the charts and counts include every run.</p>`
      : ''
  return `<section id="runs"><h2>Every run</h2>${cut}<table id="runs-table"><thead><tr><th scope="col">Created</th><th scope="col">Vendor</th><th scope="col">Suite</th><th scope="col">Run</th><th scope="col">Status</th><th scope="col">Score</th><th scope="col">Scale</th><th scope="col">Normalised</th><th scope="col">Pass rate</th><th scope="col">Verdict</th></tr></thead><tbody>${body.join('')}</tbody></table></section>`
}
