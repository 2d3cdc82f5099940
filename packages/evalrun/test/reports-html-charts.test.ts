import { describe, expect, it } from 'vitest'
import { EvalrunInvalidInputError } from '../src/core/errors.js'
import { rawAxis } from '../src/reports/html-chart.js'
import { shortRef } from '../src/reports/ref-text.js'
import { timeAxis } from '../src/reports/time-axis.js'
import {
  CHART_BACKGROUND,
  contrastRatio,
  hashedColor,
  MIN_GRAPHIC_CONTRAST,
  vendorColors,
} from '../src/reports/vendor-colors.js'
import { renderHtmlReport } from '../src/reports.js'
import { comparedItem, reportComparison, reportRun } from './helpers/report-data.js'

const at = (iso: string) => new Date(iso)
const count = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].length
const suiteOf = (html: string, ref: string) => {
  const start = html.indexOf(`data-suite-refs="${ref}"`)
  return html.slice(start, html.indexOf('</article>', start))
}
const charts = (html: string) =>
  [...html.matchAll(/<svg class="chart"[^>]* data-measure="([^"]+)" data-vendors="([^"]*)"/g)].map((m) => ({
    measure: m[1],
    vendors: m[2],
  }))

/** Runs of a suite whose vendor declares no scale for its scores (Datalab's `avg_score`). */
const unscaled = (id: string, createdAt: string, score: number) =>
  reportRun(id, {
    createdAt: at(createdAt),
    score,
    scoreScale: null,
    passRate: null,
    suite: { kind: 'collection', id: '1', name: null, ref: 'datalab:1' },
  })

describe('renderHtmlReport charts', () => {
  it('charts raw scores of no known scale on their own axis, said so, and normalised ones on 0..1', async () => {
    const runs = [
      unscaled('1', '2026-11-01T09:00:00Z', 0.71),
      unscaled('2', '2026-11-02T09:00:00Z', 0.76),
      unscaled('3', '2026-11-03T09:00:00Z', 0.69),
      reportRun('11', {
        vendor: 'promptlayer',
        createdAt: at('2026-11-01T10:00:00Z'),
        score: 65.8,
        scoreScale: { min: 0, max: 100, source: 'declared' },
        passRate: null,
        suite: { kind: 'pipeline', id: '4', name: 'Support answers', ref: 'promptlayer:4' },
      }),
    ]
    const html = await renderHtmlReport({ runs: runs.map((run) => ({ run })) })
    expect(html).not.toContain('no values to chart')

    const datalab = suiteOf(html, 'datalab:1')
    expect(charts(datalab)).toEqual([{ measure: 'raw-score', vendors: 'datalab' }])
    expect(datalab).toContain('raw score, scale unknown</text>')
    expect(datalab).toContain('<figcaption>Raw score, scale unknown')
    const values = [...datalab.matchAll(/<circle class="point"[^>]* data-value="([^"]+)"/g)].map((m) => m[1])
    expect(values).toEqual(['0.71', '0.76', '0.69'])
    // Its own axis starts at zero, so that heights compare as the numbers do.
    expect(datalab).toMatch(/text-anchor="end">0<\/text>/)
    expect(datalab).toContain('Not charted: no run has a pass rate.')

    const promptlayer = suiteOf(html, 'promptlayer:4')
    expect(charts(promptlayer)).toEqual([{ measure: 'normalized-score', vendors: 'promptlayer' }])
    const [, normalized] = /data-ref="promptlayer:11" data-value="([^"]+)"/.exec(promptlayer) ?? []
    expect(Number(normalized)).toBeCloseTo(0.658)
  })

  it('gives each vendor its own raw axis when two vendors without a scale share a suite name', async () => {
    const suite = (vendor: string) => ({
      kind: 'dataset' as const,
      id: '3',
      name: 'Receipts',
      ref: `${vendor}:3`,
    })
    const runs = [
      reportRun('1', {
        createdAt: at('2026-11-01T09:00:00Z'),
        score: 0.7,
        scoreScale: null,
        suite: suite('datalab'),
      }),
      reportRun('2', {
        createdAt: at('2026-11-02T09:00:00Z'),
        score: 0.8,
        scoreScale: null,
        suite: suite('datalab'),
      }),
      reportRun('3', {
        vendor: 'acme',
        createdAt: at('2026-11-02T10:00:00Z'),
        score: 42,
        scoreScale: null,
        suite: suite('acme'),
      }),
    ]
    const html = await renderHtmlReport({ runs: runs.map((run) => ({ run })) })
    const raw = charts(html).filter((chart) => chart.measure === 'raw-score')
    expect(raw.map((chart) => chart.vendors).sort()).toEqual(['acme', 'datalab'])
    expect(html).toContain(
      '<figcaption>Raw score, scale unknown: on its own axis, not comparable with 0..1 (acme)',
    )
  })

  it('spreads runs of one day by their time, on one x axis for each chart of a suite', async () => {
    const times = [
      '2026-11-01T08:00:00Z',
      '2026-11-20T09:00:00Z',
      '2026-11-20T09:05:00Z',
      '2026-11-20T09:07:00Z',
      '2026-11-20T14:30:00Z',
      '2026-11-30T08:00:00Z',
    ]
    const runs = times.map((time, i) => reportRun(String(i), { createdAt: at(time), score: 0.5 + i / 20 }))
    const html = await renderHtmlReport({ runs: runs.map((run) => ({ run })) })
    const xs = (measure: string) => {
      const chart = html.slice(html.indexOf(`data-measure="${measure}"`))
      return [
        ...chart.slice(0, chart.indexOf('</svg>')).matchAll(/<circle class="point" cx="([\d.]+)"/g),
      ].map((m) => Number(m[1]))
    }
    const score = xs('normalized-score')
    expect(score).toHaveLength(6)
    // In order of time, and the four runs of 20 November at least 10 px apart: no vertical line.
    for (let i = 1; i < score.length; i++) {
      expect((score[i] as number) - (score[i - 1] as number)).toBeGreaterThanOrEqual(10 - 0.1)
    }
    // Weeks apart stay further apart than minutes apart.
    expect((score[1] as number) - (score[0] as number)).toBeGreaterThan(
      (score[2] as number) - (score[1] as number),
    )
    expect(xs('pass-rate')).toEqual(score)
    // The ticks say the time of day, and the date where it changes.
    expect(html).toMatch(/<text class="x-tick"[^>]*>2026-11-01<tspan[^>]*>08:00Z<\/tspan>/)
    expect(html).toMatch(/<text class="x-tick"[^>]*>2026-11-30<tspan[^>]*>08:00Z<\/tspan>/)
  })

  it('gives each vendor the colour declared for it in every report, and any other vendor one from its id', async () => {
    const declared = { datalab: '#d55e00', promptlayer: '#009e73' }
    const render = (vendors: string[]) =>
      renderHtmlReport(
        { runs: vendors.map((vendor, i) => ({ run: reportRun(String(i), { vendor }) })) },
        { vendorColors: declared },
      )
    const colorOf = (html: string, vendor: string) =>
      new RegExp(
        `<span class="vendor" data-vendor="${vendor}"><span class="swatch" style="background:(#[0-9a-f]{6})"`,
      ).exec(html)?.[1]
    const both = await render(['datalab', 'promptlayer', 'phoenix'])
    const alone = await render(['promptlayer'])
    expect(colorOf(both, 'promptlayer')).toBe('#009e73')
    expect(colorOf(alone, 'promptlayer')).toBe('#009e73')
    expect(colorOf(both, 'datalab')).toBe('#d55e00')
    expect(colorOf(both, 'phoenix')).toBe(hashedColor('phoenix'))
    expect(colorOf(await render(['phoenix', 'acme']), 'phoenix')).toBe(hashedColor('phoenix'))
    expect(
      colorOf(await renderHtmlReport({ runs: [{ run: reportRun('1', { vendor: 'phoenix' }) }] }), 'phoenix'),
    ).toBe(hashedColor('phoenix'))
  })

  it('refuses a declared colour that is not #rrggbb or too faint to see, naming the vendor', () => {
    expect(() => vendorColors(['datalab'], { datalab: 'red;background:url(x)' })).toThrow(
      EvalrunInvalidInputError,
    )
    expect(() => vendorColors(['datalab'], { datalab: 'red' })).toThrow(
      'Invalid `vendorColors.datalab`: got "red"; expected a colour written #rrggbb.',
    )
    expect(() => vendorColors(['datalab'], { datalab: '#eeeeee' })).toThrow(
      /vendorColors\.datalab.*3:1 contrast/,
    )
  })

  it('makes colours from ids that keep 3:1 contrast on the charts, whatever the id', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `vendor-${i}-${'x'.repeat(i % 7)}`)
    for (const id of ids) {
      const color = hashedColor(id)
      expect(color).toMatch(/^#[0-9a-f]{6}$/)
      expect(contrastRatio(color, CHART_BACKGROUND)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST)
    }
    expect(hashedColor('phoenix')).toBe(hashedColor('phoenix'))
    expect(new Set(ids.map(hashedColor)).size).toBeGreaterThan(100)
  })
})

describe('renderHtmlReport names and refs', () => {
  it('shows suites, runs and items by name, ids beneath or on hover, long refs shortened with the whole on hover', async () => {
    const longRef = 'openai:eval_9c2383d06710105d1bc5d1755f257b75/evalrun_601f301ec1c0c9478e2a15012c4fc780'
    const base = reportRun('1', { createdAt: at('2026-11-01T09:00:00Z'), name: 'nightly gpt-4o' })
    const head = reportRun('2', { createdAt: at('2026-11-02T09:00:00Z'), name: 'candidate o4-mini' })
    const unnamed = reportRun('3', {
      name: null,
      suite: { kind: 'collection', id: '12', name: null, ref: 'datalab:12' },
    })
    const long = { ...reportRun('4', { name: null }), ref: longRef }
    const comparison = reportComparison(base, head, [
      comparedItem('row 1', 'regressed', 0.9, 0.2, 'How do I reset my password?'),
      comparedItem('file-b', 'regressed', 0.8, 0.5, 'file-b'),
    ])
    const html = await renderHtmlReport({
      runs: [base, head, unnamed, long].map((run) => ({ run })),
      comparisons: [comparison],
    })
    // Suites: the name, the ref on hover; a suite with no name by its kind and id, never a bare ref.
    expect(html).toContain('<span class="clip" title="datalab:7">Invoices</span>')
    expect(html).toMatch(
      /<h3>collection 12 <small><span class="vendor" data-vendor="datalab">[^<]*<span class="swatch"[^>]*><\/span>datalab<\/span> <code class="ref" title="datalab:12"/,
    )
    expect(html).not.toMatch(/<h3>datalab:/)
    // Runs: the name over the ref.
    expect(html).toMatch(/>nightly gpt-4o<\/a><\/span><code class="ref" title="datalab:1"/)
    // Items: the name, its key beneath; a name that is the key once.
    expect(html).toContain(
      '<span class="item-name clip" title="How do I reset my password?">How do I reset my password?</span><span class="clip key" title="row 1">key row 1</span>',
    )
    expect(html).toContain('<tr data-key="file-b"><td><span class="clip" title="file-b">file-b</span></td>')
    // A long ref: short on screen, whole on hover and for screen readers.
    const short = shortRef(longRef)
    expect(short).toBe('openai:eval_9…2c4fc780')
    expect(html).toContain(
      `<code class="ref" title="${longRef}" data-full="${longRef}"><span aria-hidden="true">${short}</span><span class="sr-only">${longRef}</span></code>`,
    )
    expect(count(html, new RegExp(`>${longRef}<`, 'g'))).toBe(count(html, /class="sr-only">openai:/g))
  })
})

describe('report helpers', () => {
  it('shortRef keeps short refs whole and cuts long ones in the middle, vendor prefix kept', () => {
    expect(shortRef('datalab:25')).toBe('datalab:25')
    expect(shortRef('braintrust:fa169f52-9349-4554-8133-9396e7de2654')).toBe('braintrust:fa169f…e7de2654')
    expect([...shortRef(`x:${'é'.repeat(60)}`)]).toHaveLength(2 + 6 + 1 + 8)
    // A long prefix (a Tables calculation) keeps less of the id's start, never more than 26 characters in all.
    const tables = shortRef('promptlayer:tables/0b8e5c1a-5d1f/7c2e9a44-0e3b/calc/f2d1c0b9-1a2b-4c3d')
    expect(tables).toBe('promptlayer:table…a2b-4c3d')
    expect([...tables].length).toBeLessThanOrEqual(26)
  })

  it('rawAxis runs from zero in round steps past the highest value', () => {
    expect(rawAxis([0.69, 0.76])).toEqual({ min: 0, max: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] })
    expect(rawAxis([7.7, 3])).toEqual({ min: 0, max: 8, ticks: [0, 2, 4, 6, 8] })
    expect(rawAxis([-3, 2]).min).toBe(-4)
    expect(rawAxis([0]).ticks.length).toBeGreaterThan(1)
  })

  it('timeAxis centres one time and keeps identical times on one spot', () => {
    const one = timeAxis([5, 5, 5], 0, 100)
    expect(one.x(5)).toBe(50)
    expect(one.ticks).toHaveLength(1)
    const two = timeAxis([0, 0, 1_000], 0, 100)
    expect(two.x(0)).toBe(0)
    expect(two.x(1_000)).toBe(100)
    expect(timeAxis([], 0, 100).ticks).toEqual([])
  })
})
