import type { RunComparison } from '../core/comparison.js'
import { escapeAttribute, escapeText } from './escape-markup.js'
import {
  compactScoreCell,
  dateCell,
  formatDate,
  type Row,
  rawScoreOf,
  runCell,
  suiteText,
  vendorCell,
} from './html-cells.js'
import {
  type ChartMeasure,
  type ChartSeries,
  LEFT,
  RIGHT,
  rawAxis,
  timeChart,
  UNIT_AXIS,
  type ValueAxis,
  WIDTH,
} from './html-chart.js'
import { pairSection } from './html-pairs.js'
import { plusMinus } from './interval-text.js'
import type { RunPair } from './latest-pairs.js'
import { refMarkup } from './ref-text.js'
import { formatNumber, formatPercent } from './report-input.js'
import { timeAxis } from './time-axis.js'

export interface Suite {
  label: string
  refs: string[]
  rows: Row[]
}

/** A measure a suite's runs may have, and how its chart is titled and scaled. */
interface Measure {
  id: ChartMeasure
  /** In a sentence: `normalised score`. */
  name: string
  caption: string
  value: (row: Row) => number | null
  interval: (row: Row) => { low: number; high: number } | null | undefined
}

const MEASURES: readonly Measure[] = [
  {
    id: 'normalized-score',
    name: 'normalised score',
    caption: 'Normalised score (0..1)',
    value: (row) => row.normalizedScore,
    interval: (row) => row.stats?.score,
  },
  {
    id: 'raw-score',
    name: 'raw score, scale unknown',
    caption: 'Raw score, scale unknown: on its own axis, not comparable with 0..1',
    value: rawScoreOf,
    interval: () => null,
  },
  {
    id: 'pass-rate',
    name: 'pass rate',
    caption: 'Pass rate (0..1)',
    value: (row) => row.passRate,
    interval: (row) => row.stats?.passRate,
  },
]

/** How many points a row gives the charts. */
function pointsOf(row: Row): number {
  if (row.createdAt === null) return 0
  return MEASURES.filter((measure) => measure.value(row) !== null).length
}

/**
 * Suites by name, so that one eval kept on two platforms shares a chart and its vendors' lines can be told apart by
 * colour; a suite with no name is its own group.
 */
export function groupSuites(rows: readonly Row[]): Suite[] {
  const groups = new Map<string, Suite>()
  for (const row of rows) {
    const name = row.suite.name?.trim()
    const key = name ? `name:${name}` : `ref:${row.suite.ref}`
    const suite = groups.get(key) ?? { label: suiteText(row.suite), refs: [], rows: [] }
    if (!suite.refs.includes(row.suite.ref)) suite.refs.push(row.suite.ref)
    suite.rows.push(row)
    groups.set(key, suite)
  }
  // Suites with the most points to chart first, then the busiest: they are what a reader came for.
  const charted = (suite: Suite) => suite.rows.reduce((points, row) => points + pointsOf(row), 0)
  return [...groups.values()].sort(
    (a, b) => charted(b) - charted(a) || b.rows.length - a.rows.length || a.label.localeCompare(b.label),
  )
}

export function suiteSection(
  suite: Suite,
  index: number,
  colors: Map<string, string>,
  pairs: readonly RunPair<Row>[],
  comparisons: readonly RunComparison[],
  shown: Set<RunComparison>,
): string {
  const charted = suite.rows.filter((row) => pointsOf(row) > 0)
  // One x axis for every chart of the suite, so that a run sits at the same place in each.
  const x = timeAxis(
    charted.map((row) => row.createdAt?.getTime() ?? Number.NaN),
    LEFT + 10,
    WIDTH - RIGHT - 10,
  )
  const figures: string[] = []
  const charts = new Set<ChartMeasure>()
  for (const measure of MEASURES) {
    const series = seriesOf(suite, measure, colors).filter((s) => s.points.length > 0)
    if (series.length === 0) continue
    charts.add(measure.id)
    // Raw scores of two vendors may be on two scales: each vendor's on an axis of its own.
    const groups = measure.id === 'raw-score' ? series.map((s) => [s]) : [series]
    groups.forEach((group, at) => {
      const values = group.flatMap((s) => s.points.map((point) => point.value))
      const y: ValueAxis = measure.id === 'raw-score' ? rawAxis(values) : UNIT_AXIS
      const whose = groups.length > 1 ? ` (${group[0]?.vendor})` : ''
      const chart = timeChart(
        `suite-${index}-${measure.id}${groups.length > 1 ? `-${at}` : ''}`,
        `${suite.label}: ${measure.name}${whose} over time`,
        measure.id,
        group,
        { x, y },
      )
      figures.push(
        `<figure class="${measure.id}"><figcaption>${measure.caption}${escapeText(whose)}</figcaption>${chart}</figure>`,
      )
    })
  }
  // One vendor's suite says its vendor once, in the heading, leaving the table room for names.
  const vendors = [...new Set(suite.rows.map((row) => row.vendor))]
  const oneVendor = vendors.length === 1
  const tableRows = charted.map(
    (row) =>
      `<tr data-ref="${escapeAttribute(row.ref)}"><td>${dateCell(row.createdAt)}</td>${oneVendor ? '' : `<td>${vendorCell(row.vendor, colors)}</td>`}<td>${runCell(row)}</td><td>${row.status}</td><td class="num">${compactScoreCell(row)}</td><td class="num">${withInterval(row.normalizedScore, formatNumber, plusMinus(row.stats?.score))}</td><td class="num">${withInterval(row.passRate, formatPercent, plusMinus(row.stats?.passRate, true))}</td></tr>`,
  )
  const suitePairs = pairs.filter((pair) => suite.refs.includes(pair.head.suite.ref))
  const details =
    charted.length === 0
      ? '<p class="note points">No run of this suite has a score or a pass rate yet. The table of every run below lists them.</p>'
      : `<details class="points"${charted.length <= 25 ? ' open' : ''}><summary>${charted.length} charted ${charted.length === 1 ? 'run' : 'runs'}</summary><table class="points-table"><thead><tr><th scope="col">Created</th>${oneVendor ? '' : '<th scope="col">Vendor</th>'}<th scope="col">Run</th><th scope="col">Status</th><th scope="col">Score</th><th scope="col">Normalised</th><th scope="col">Pass rate</th></tr></thead><tbody>${tableRows.join('')}</tbody></table></details>`
  // A missing measure is said once: a raw chart where scores are normalised is no gap.
  const absent = [
    charts.has('normalized-score') || charts.has('raw-score') ? null : 'no run has a score',
    charts.has('pass-rate') ? null : 'no run has a pass rate',
  ].filter((text) => text !== null)
  const notCharted =
    charted.length > 0 && absent.length > 0
      ? `<p class="note absent">Not charted: ${absent.join('; ')}.</p>`
      : ''
  return `<article class="suite" id="suite-${index}" data-suite="${escapeAttribute(suite.label)}" data-suite-refs="${escapeAttribute(suite.refs.join(' '))}">
<h3>${escapeText(suite.label)} <small>${vendors.map((vendor) => vendorCell(vendor, colors)).join(' ')} ${suite.refs.map(refMarkup).join(', ')} · ${suite.rows.length} ${suite.rows.length === 1 ? 'run' : 'runs'}</small></h3>
<div class="suite-body"><div class="charts">${figures.join('\n')}${notCharted}</div>
${details}
</div>
${suitePairs.map((pair) => pairSection(pair, colors, comparisons, shown)).join('')}
</article>`
}

/** One line per suite ref (one vendor's suite) with the measure's points. */
function seriesOf(suite: Suite, measure: Measure, colors: Map<string, string>): ChartSeries[] {
  return suite.refs.map((ref) => {
    const vendor = suite.rows.find((row) => row.suite.ref === ref)?.vendor ?? ''
    return {
      vendor,
      color: colors.get(vendor) ?? '#666666',
      points: suite.rows.flatMap((row) => {
        const value = measure.value(row)
        if (row.suite.ref !== ref || row.createdAt === null || value === null) return []
        const bar = measure.interval(row)
        const range = bar ? ` (${formatNumber(bar.low)}–${formatNumber(bar.high)})` : ''
        const run = row.name ? `${row.name} · ${row.ref}` : row.ref
        return [
          {
            time: row.createdAt.getTime(),
            value,
            ref: row.ref,
            label: `${run} (${row.vendor}) · ${formatDate(row.createdAt)} · ${formatNumber(value)}${range}`,
            ...(bar ? { low: bar.low, high: bar.high } : {}),
          },
        ]
      }),
    }
  })
}

/** A value and, on a line beneath it, its interval; no interval beside a value that is not there. */
function withInterval(
  value: number | null,
  format: (value: number | null) => string,
  interval: string,
): string {
  const text = format(value)
  return value === null || interval === ''
    ? text
    : `${text}<small class="interval">${escapeText(interval.trim())}</small>`
}
