import type { RunStatus, ScoreScale } from '../core/model.js'
import type { RunStats } from '../core/run-stats.js'
import { escapeAttribute, escapeText } from './escape-markup.js'
import { refMarkup, shortId } from './ref-text.js'
import { formatDelta, formatNumber, formatScale, type RunVerdict } from './report-input.js'
import { safeUrl } from './safe-url.js'

/** What the page keeps of a run: never its payload, so that thousands of runs stay small. */
export interface Row {
  ref: string
  vendor: string
  name: string | null
  suite: { kind: string; id: string; ref: string; name: string | null }
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

/** A score with no known scale: drawn raw, on a chart of its own. */
export function rawScoreOf(row: Row): number | null {
  return row.normalizedScore === null ? row.score : null
}

/**
 * The suite in words: its name at the vendor, else its kind and id (`collection 12`, `dataset cm3b4e…b51560b`);
 * never the bare ref, which is on hover.
 */
export function suiteText(suite: Row['suite']): string {
  const name = suite.name?.trim()
  return name ? name : `${suite.kind} ${shortId(suite.id)}`
}

/** The suite's name, its ref on hover and for screen readers. */
export function suiteCell(suite: Row['suite']): string {
  return `<span class="clip" title="${escapeAttribute(suite.ref)}">${escapeText(suiteText(suite))}</span><span class="sr-only"> (${escapeText(suite.ref)})</span>`
}

export function vendorCell(vendor: string, colors: Map<string, string>): string {
  return `<span class="vendor" data-vendor="${escapeAttribute(vendor)}"><span class="swatch" style="background:${colors.get(vendor) ?? '#666666'}"></span>${escapeText(vendor)}</span>`
}

/**
 * The run's name on a line of its own, when it has one, over its shortened ref; a link to the vendor's page when
 * it gives one.
 */
export function runCell(row: Pick<Row, 'ref' | 'name' | 'url'>): string {
  const url = safeUrl(row.url)
  const link = (text: string) =>
    url ? `<a href="${escapeAttribute(url)}" rel="noreferrer">${text}</a>` : text
  const name = row.name?.trim()
  if (!name) return link(refMarkup(row.ref))
  return `<span class="run-name clip" title="${escapeAttribute(name)}">${link(escapeText(name))}</span>${refMarkup(row.ref)}`
}

/** An item by its name where the vendor gives one, its key beneath (the key alone when the name is the key). */
export function itemCell(key: string, name: string | null): string {
  const shown = name?.trim()
  if (!shown || shown === key)
    return `<span class="clip" title="${escapeAttribute(key)}">${escapeText(key)}</span>`
  return `<span class="item-name clip" title="${escapeAttribute(shown)}">${escapeText(shown)}</span><span class="clip key" title="${escapeAttribute(key)}">key ${escapeText(key)}</span>`
}

/** A score on its own scale, the scale said beside it. */
export function scoreCell(row: Row): string {
  if (row.score === null) return '—'
  const scale = row.scoreScale === null ? 'raw, scale unknown' : `on ${formatScale(row.scoreScale)}`
  return `${formatNumber(row.score)} <small>${scale}</small>`
}

/** A score in a narrow column: the number, its scale on hover, `raw` beside it when no scale is known. */
export function compactScoreCell(row: Row): string {
  if (row.score === null) return '—'
  const raw = row.scoreScale === null ? ' <small>raw</small>' : ''
  return `<span title="on ${escapeAttribute(formatScale(row.scoreScale))}">${formatNumber(row.score)}${raw}</span>`
}

export function changeCell(delta: number | null, normalized = true): string {
  const text = formatDelta(delta, normalized)
  if (delta === null || delta === 0) return text
  return `<span class="${delta > 0 ? 'good' : 'bad'}">${text}</span>`
}

/** A date for a narrow column: the day and the time each kept whole, on two lines when there is no room. */
export function dateCell(date: Date | null): string {
  const [day, time] = formatDate(date).split(' ')
  return time === undefined
    ? (day ?? '—')
    : `<span class="day">${day}</span> <span class="day">${time}</span>`
}

export function formatDate(date: Date | null): string {
  if (date === null || Number.isNaN(date.getTime())) return '—'
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}Z`
}
