import { escapeAttribute, escapeText } from './escape-markup.js'

/** One point of a chart: a run's value (0..1) at its creation time. */
export interface ChartPoint {
  time: number
  value: number
  ref: string
  label: string
  /** The value's interval, drawn as an error bar. */
  low?: number
  high?: number
}

/** One line of a chart: one suite's runs at one vendor, in that vendor's colour. */
export interface ChartSeries {
  vendor: string
  color: string
  points: ChartPoint[]
}

const WIDTH = 520
const HEIGHT = 220
const LEFT = 44
const RIGHT = 14
const TOP = 12
const BOTTOM = 34
const DAY = 86_400_000

/**
 * A time chart of values on 0..1 as hand-written SVG: a line and a point per run, coloured by vendor, each point
 * titled with its run (a tooltip without script) and carrying its ref and value as data attributes.
 */
export function timeChart(id: string, title: string, series: readonly ChartSeries[]): string {
  const times = series.flatMap((s) => s.points.map((p) => p.time))
  const open = `<svg class="chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg"><title id="${id}">${escapeText(title)}</title>`
  if (times.length === 0) {
    // A short strip rather than an empty frame: the reader learns there is nothing without scrolling past it.
    return `<svg class="chart empty" role="img" aria-labelledby="${id}" viewBox="0 0 ${WIDTH} 40" width="${WIDTH}" height="40" xmlns="http://www.w3.org/2000/svg"><title id="${id}">${escapeText(title)}</title><text x="${WIDTH / 2}" y="24" text-anchor="middle">no values to chart</text></svg>`
  }
  let from = Math.min(...times)
  let to = Math.max(...times)
  // One instant alone would be a zero-width domain: a day either side centres it.
  if (to - from < 60_000) {
    from -= DAY
    to += DAY
  }
  const x = (time: number) => LEFT + ((time - from) / (to - from)) * (WIDTH - LEFT - RIGHT)
  const y = (value: number) => TOP + (1 - value) * (HEIGHT - TOP - BOTTOM)
  const parts = [open, '<g class="axes">']
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" class="grid"/>`,
      `<text x="${LEFT - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end">${tick}</text>`,
    )
  }
  for (const [time, anchor] of [
    [from, 'start'],
    [(from + to) / 2, 'middle'],
    [to, 'end'],
  ] as const) {
    parts.push(
      `<text x="${x(time).toFixed(1)}" y="${HEIGHT - 10}" text-anchor="${anchor}">${new Date(time).toISOString().slice(0, 10)}</text>`,
    )
  }
  parts.push('</g>')
  for (const s of series) {
    const points = [...s.points].sort((a, b) => a.time - b.time)
    if (points.length > 1) {
      const path = points.map((p) => `${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')
      parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="1.5" points="${path}"/>`)
    }
    for (const p of points) {
      if (p.low !== undefined && p.high !== undefined) {
        const [top, bottom] = [y(Math.min(1, p.high)), y(Math.max(0, p.low))]
        parts.push(
          `<line class="error-bar" x1="${x(p.time).toFixed(1)}" x2="${x(p.time).toFixed(1)}" y1="${top.toFixed(1)}" y2="${bottom.toFixed(1)}" stroke="${s.color}" stroke-width="1.5" data-low="${p.low}" data-high="${p.high}"/>`,
        )
      }
      parts.push(
        `<circle class="point" cx="${x(p.time).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4" fill="${s.color}" data-vendor="${escapeAttribute(s.vendor)}" data-ref="${escapeAttribute(p.ref)}" data-value="${p.value}"><title>${escapeText(p.label)}</title></circle>`,
      )
    }
  }
  parts.push('</svg>')
  return parts.join('')
}
