import { escapeAttribute, escapeText } from './escape-markup.js'
import type { TimeAxis } from './time-axis.js'

/** One point of a chart: a run's value at its creation time. */
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

/** The y axis: its range and where its grid lines are. */
export interface ValueAxis {
  min: number
  max: number
  ticks: number[]
}

/** What the chart measures, said on the `<svg>` as `data-measure`. */
export type ChartMeasure = 'normalized-score' | 'raw-score' | 'pass-rate'

export const WIDTH = 520
const HEIGHT = 220
export const LEFT = 48
export const RIGHT = 30
const TOP = 22
const BOTTOM = 40

/** The axis of normalised scores and pass rates. */
export const UNIT_AXIS: ValueAxis = { min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] }

/**
 * An axis for raw scores on no known scale: from zero (or the lowest value, when below it) to the highest, in
 * round steps, so that the heights of two points compare as the numbers do.
 */
export function rawAxis(values: readonly number[]): ValueAxis {
  const low = Math.min(0, ...values)
  const high = Math.max(0, ...values)
  const step = roundStep((high - low || Math.abs(high) || 1) / 4)
  const min = Math.floor(low / step) * step
  const max = Math.max(Math.ceil(high / step) * step, min + step)
  const ticks: number[] = []
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)))
  return { min, max, ticks }
}

/** 1, 2 or 5 times a power of ten, the least at or above `rough`. */
function roundStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough))
  return ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power
}

/**
 * A time chart as hand-written SVG: a line and a point per run, coloured by vendor, each point titled with its run
 * (a tooltip without script) and carrying its vendor, ref and value as data attributes. The x axis is given, so
 * that a suite's charts line up run by run.
 */
export function timeChart(
  id: string,
  title: string,
  measure: ChartMeasure,
  series: readonly ChartSeries[],
  axes: { x: TimeAxis; y: ValueAxis },
): string {
  const { x, y: yAxis } = axes
  const y = (value: number) =>
    TOP + (1 - (value - yAxis.min) / (yAxis.max - yAxis.min)) * (HEIGHT - TOP - BOTTOM)
  const vendors = [...new Set(series.filter((s) => s.points.length > 0).map((s) => s.vendor))]
  const parts = [
    `<svg class="chart" role="img" aria-labelledby="${id}" data-measure="${measure}" data-vendors="${escapeAttribute(vendors.join(' '))}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg"><title id="${id}">${escapeText(title)}</title><g class="axes">`,
  ]
  for (const tick of yAxis.ticks) {
    const at = y(tick).toFixed(1)
    parts.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${at}" y2="${at}" class="grid"/>`,
      `<text x="${LEFT - 6}" y="${(Number(at) + 4).toFixed(1)}" text-anchor="end">${tick}</text>`,
    )
  }
  x.ticks.forEach((tick, index) => {
    const anchor =
      x.ticks.length === 1
        ? 'middle'
        : index === 0
          ? 'start'
          : index === x.ticks.length - 1
            ? 'end'
            : 'middle'
    const at = tick.x.toFixed(1)
    parts.push(
      `<line x1="${at}" x2="${at}" y1="${HEIGHT - BOTTOM}" y2="${HEIGHT - BOTTOM + 4}" class="tick"/>`,
      `<text class="x-tick" x="${at}" y="${HEIGHT - BOTTOM + 15}" text-anchor="${anchor}">${tick.date ?? ''}<tspan x="${at}" dy="${tick.date ? 12 : 0}">${tick.time}</tspan></text>`,
    )
  })
  if (measure === 'raw-score') {
    // Said on the chart itself, not only beside it: these heights are not on the 0..1 of the charts around it.
    parts.push(
      `<text class="scale-note" x="${WIDTH - RIGHT}" y="${TOP - 8}" text-anchor="end">raw score, scale unknown</text>`,
    )
  }
  parts.push('</g>')
  for (const s of series) {
    const points = [...s.points].sort((a, b) => a.time - b.time)
    if (points.length > 1) {
      const path = points.map((p) => `${x.x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')
      parts.push(
        `<polyline class="series" data-vendor="${escapeAttribute(s.vendor)}" fill="none" stroke="${s.color}" stroke-width="1.5" points="${path}"/>`,
      )
    }
    for (const p of points) {
      const cx = x.x(p.time).toFixed(1)
      if (p.low !== undefined && p.high !== undefined) {
        const top = y(Math.min(yAxis.max, p.high)).toFixed(1)
        const bottom = y(Math.max(yAxis.min, p.low)).toFixed(1)
        parts.push(
          `<line class="error-bar" x1="${cx}" x2="${cx}" y1="${top}" y2="${bottom}" stroke="${s.color}" stroke-width="1.5" data-low="${p.low}" data-high="${p.high}"/>`,
        )
      }
      parts.push(
        `<circle class="point" cx="${cx}" cy="${y(p.value).toFixed(1)}" r="4" fill="${s.color}" data-vendor="${escapeAttribute(s.vendor)}" data-ref="${escapeAttribute(p.ref)}" data-value="${p.value}"><title>${escapeText(p.label)}</title></circle>`,
      )
    }
  }
  parts.push('</svg>')
  return parts.join('')
}
