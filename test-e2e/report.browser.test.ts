/**
 * The HTML report in a real browser: runs read from the sandbox across every vendor, rendered by
 * `renderHtmlReport`, opened from a file in Debian's headless Chromium. The page must make no request but for
 * itself, show every run and every chart point, a chart for every vendor with scores (raw on its own axis where no
 * scale is known), names where the vendor gives them, each vendor in its declared colour, refs on one line with
 * the whole ref on hover, runs close in time apart, stay readable with JavaScript off, and show a run named
 * `<script>` as text. A screenshot is kept at docs/report-screenshot.png. Chromium as in browser.test.ts: in CI
 * its absence fails the test; locally it skips.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { startSandbox } from '@evalrun/sandbox'
import { BUILT_IN_VENDORS, createEvalrun, type EvalRun } from 'evalrun'
import { latestPairs, renderHtmlReport, vendorColorsOf } from 'evalrun/reports'
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { launchChromium, requireChromium, runBrowserTests } from './support/chromium.js'

const SCREENSHOT = fileURLToPath(new URL('../docs/report-screenshot.png', import.meta.url))

/** A run whose vendor strings try to run script: the page must show them as text. */
function hostile(run: EvalRun): EvalRun {
  return {
    ...run,
    ref: `${run.vendor}:hostile`,
    id: 'hostile',
    name: '<script>window.__pwned = 1</script>',
    suite: {
      ...run.suite,
      ref: `${run.vendor}:hostile-suite`,
      name: '<img src=x onerror="window.__pwned = 2">',
    },
    url: 'javascript:window.__pwned = 3',
  } as EvalRun
}

describe.skipIf(!runBrowserTests)('HTML report (headless Chromium)', () => {
  it('shows every run and chart point, makes no request, and runs no vendor string', {
    timeout: 90_000,
  }, async () => {
    requireChromium()
    const sandbox = await startSandbox({ port: 0, seed: 12, runs: 16, suites: 2, clock: 'manual' })
    let browser: Browser | undefined
    try {
      const evalrun = createEvalrun({ ...sandbox.clientOptions, onWarning: () => {} })
      const runs: EvalRun[] = []
      for await (const run of evalrun.runs.list()) runs.push(run)
      // Each suite's latest pair compared item by item, as `evalrun report` does.
      const pairs = latestPairs(runs)
      const comparisons = await Promise.all(pairs.map(({ base, head }) => evalrun.runs.compare(base, head)))
      const first = runs[0] as EvalRun
      runs.push(hostile(first))
      const declaredColors = vendorColorsOf(BUILT_IN_VENDORS)
      const html = await renderHtmlReport(
        { runs: runs.map((run) => ({ run })), comparisons, title: 'evalrun report (browser test)' },
        { generatedAt: new Date('2026-11-27T12:00:00Z'), vendorColors: declaredColors },
      )
      const file = join(mkdtempSync(join(tmpdir(), 'evalrun-report-')), 'report.html')
      writeFileSync(file, html)
      const url = pathToFileURL(file).href

      const charted = (value: (run: EvalRun) => number | null, vendor?: string) =>
        runs.filter(
          (run) =>
            run.createdAt !== null && value(run) !== null && (vendor === undefined || run.vendor === vendor),
        ).length
      const rawScore = (run: EvalRun) => (run.normalizedScore === null ? run.score : null)
      const expectedPoints =
        charted((run) => run.normalizedScore) + charted(rawScore) + charted((run) => run.passRate)
      expect(expectedPoints).toBeGreaterThan(20)
      // Every vendor whose runs have a score: the sandbox's Datalab and Langfuse among them, scales or not.
      const scoredVendors = [...new Set(runs.filter((run) => run.score !== null).map((run) => run.vendor))]
      expect(scoredVendors).toEqual(expect.arrayContaining(['datalab', 'langfuse', 'promptlayer', 'openai']))

      browser = await launchChromium()
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser.newContext({
          viewport: { width: 1280, height: 1500 },
          javaScriptEnabled,
        })
        const requests: string[] = []
        await context.route('**/*', (route) => {
          requests.push(route.request().url())
          return route.continue()
        })
        const tab = await context.newPage()
        const consoleErrors: string[] = []
        tab.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text())
        })
        await tab.goto(url, { waitUntil: 'load' })

        expect(requests).toEqual([url])
        const rows = await tab.$$eval('#runs-table tbody tr', (trs) =>
          trs.map((tr) => [
            tr.getAttribute('data-ref'),
            tr.getAttribute('data-vendor'),
            tr.children[4]?.textContent,
          ]),
        )
        expect(rows.map((row) => row[0]).sort()).toEqual(runs.map((run) => run.ref).sort())
        // Every vendor the sandbox serves, each in its own rows.
        expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(runs.map((run) => run.vendor)))
        expect(new Set(runs.map((run) => run.vendor)).size).toBe(Object.keys(sandbox.urls).length)
        for (const row of rows) expect(row[2]).toMatch(/^(queued|running|completed|failed|canceled|unknown)$/)
        const total = await tab.$eval('#status-counts tfoot td:last-child', (td) => td.textContent)
        expect(total).toBe(String(runs.length))

        const points = await tab.$$eval('svg.chart circle.point', (circles) =>
          circles.map((circle) => {
            const box = circle.getBoundingClientRect()
            const chart = circle.closest('svg')
            return {
              chart: chart?.querySelector('title')?.id ?? '',
              measure: chart?.getAttribute('data-measure') ?? '',
              vendor: circle.getAttribute('data-vendor') ?? '',
              ref: circle.getAttribute('data-ref') ?? '',
              value: Number(circle.getAttribute('data-value')),
              x: box.x + box.width / 2,
              fill: getComputedStyle(circle).fill,
              visible: box.width > 0 && box.height > 0,
            }
          }),
        )
        expect(points).toHaveLength(expectedPoints)
        for (const point of points.filter((p) => p.measure !== 'raw-score')) {
          expect(point.value).toBeGreaterThanOrEqual(0)
          expect(point.value).toBeLessThanOrEqual(1)
        }
        // Rendered, not only present: the charts are visible without script.
        expect(points.filter((point) => point.visible).length).toBe(expectedPoints)

        // A chart for every vendor with a score: normalised where its scale is known, raw where not, each point.
        expect(await tab.textContent('body')).not.toContain('no values to chart')
        for (const vendor of scoredVendors) {
          const scorePoints = points.filter(
            (p) => p.vendor === vendor && (p.measure === 'normalized-score' || p.measure === 'raw-score'),
          )
          expect(scorePoints.length, vendor).toBe(
            charted((run) => run.normalizedScore, vendor) + charted(rawScore, vendor),
          )
          expect(scorePoints.length, vendor).toBeGreaterThan(0)
        }
        const rawCharts = await tab.$$eval('svg.chart[data-measure="raw-score"]', (svgs) =>
          svgs.map((svg) => ({
            vendors: svg.getAttribute('data-vendors'),
            note: svg.querySelector('.scale-note')?.textContent,
          })),
        )
        expect(rawCharts.map((chart) => chart.vendors)).toContain('datalab')
        for (const chart of rawCharts) expect(chart.note).toBe('raw score, scale unknown')

        // Runs close in time stand apart: no two points of one chart at two times share a column.
        const timeOf = new Map(runs.map((run) => [run.ref, run.createdAt?.getTime()]))
        for (const chart of new Set(points.map((p) => p.chart))) {
          const inChart = points.filter((p) => p.chart === chart).sort((a, b) => a.x - b.x)
          for (let i = 1; i < inChart.length; i++) {
            const [before, after] = [inChart[i - 1], inChart[i]] as const
            if (timeOf.get(before?.ref ?? '') !== timeOf.get(after?.ref ?? '')) {
              expect((after?.x ?? 0) - (before?.x ?? 0), chart).toBeGreaterThan(5)
            }
          }
        }

        // Each vendor in its declared colour, in the legend, the tables and every chart point.
        const rgb = (hex: string) =>
          `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(', ')})`
        const swatches = await tab.$$eval('span.vendor[data-vendor]', (spans) =>
          spans.map((span) => [
            span.getAttribute('data-vendor') ?? '',
            getComputedStyle(span.querySelector('.swatch') as Element).backgroundColor,
          ]),
        )
        for (const [vendor, color] of swatches) {
          expect(color, vendor).toBe(rgb(declaredColors[vendor as string] as string))
        }
        for (const point of points)
          expect(point.fill, point.vendor).toBe(rgb(declaredColors[point.vendor] as string))

        // Names where the vendor gives them; refs short, on one line, the whole ref on hover.
        const cells = await tab.$$eval('#runs-table tbody tr', (trs) =>
          trs.map((tr) => {
            const ref = tr.querySelector('code.ref')
            return {
              ref: tr.getAttribute('data-ref') ?? '',
              suite: tr.children[2]?.querySelector('.clip')?.textContent ?? '',
              suiteTitle: tr.children[2]?.querySelector('.clip')?.getAttribute('title') ?? '',
              run: tr.children[3]?.textContent ?? '',
              refTitle: ref?.getAttribute('title') ?? '',
              refShown: (ref?.querySelector('[aria-hidden]') ?? ref)?.textContent ?? '',
              refHeight: ref?.getBoundingClientRect().height ?? 0,
              runHeight: (() => {
                const range = document.createRange()
                range.selectNodeContents(tr.children[3] as Node)
                return range.getBoundingClientRect().height
              })(),
            }
          }),
        )
        for (const cell of cells) {
          const run = runs.find((r) => r.ref === cell.ref) as EvalRun
          if (run.suite.name) expect(cell.suite).toBe(run.suite.name)
          else expect(cell.suite).toMatch(new RegExp(`^${run.suite.kind} `))
          expect(cell.suiteTitle).toBe(run.suite.ref)
          if (run.name) expect(cell.run).toContain(run.name)
          expect(cell.refTitle).toBe(run.ref)
          expect(cell.refShown.length).toBeLessThanOrEqual(26)
          // One line for the ref, two for the cell (name over ref): never the five lines a wrapped ref took.
          expect(cell.refHeight).toBeLessThan(20)
          expect(cell.runHeight).toBeLessThan(45)
        }
        expect(cells.some((cell) => cell.refShown.includes('…'))).toBe(true)
        // Regressed items by the name the vendor gives them (a PromptLayer row's question), the key beneath.
        const shownItems = await tab.$$eval('table.regressions tr[data-key]', (trs) =>
          trs.map((tr) => ({
            key: tr.getAttribute('data-key') ?? '',
            name: tr.querySelector('.item-name')?.textContent ?? null,
          })),
        )
        const namedItems = comparisons.flatMap((comparison) =>
          comparison.items
            .filter((item) => item.change === 'regressed')
            .slice(0, 10)
            .map((item) => ({ key: item.key, name: item.head?.name ?? item.base?.name ?? null }))
            .filter((item) => item.name !== null && item.name !== item.key),
        )
        expect(namedItems.length).toBeGreaterThan(0)
        for (const item of namedItems) expect(shownItems).toContainEqual(item)

        // Each suite's latest pair, with what changed item by item.
        const shownPairs = await tab.$$eval('section.pair', (sections) =>
          sections.map((section) => ({
            base: section.getAttribute('data-base'),
            head: section.getAttribute('data-head'),
            counts: section.querySelector('.counts')?.textContent ?? null,
          })),
        )
        expect(shownPairs.map((pair) => pair.head).sort()).toEqual(pairs.map((pair) => pair.head.ref).sort())
        for (const comparison of comparisons) {
          const shown = shownPairs.find((pair) => pair.head === comparison.head.ref)
          const { regressed, improved } = comparison.summary
          expect(shown?.counts).toContain(`${regressed} regressed · ${improved} improved`)
        }

        // The hostile run is text, and nothing it carries ran or became a link.
        const hostileRow = await tab.$eval(
          '#runs-table tr[data-ref$=":hostile"]',
          (tr) => tr.textContent ?? '',
        )
        expect(hostileRow).toContain('<script>window.__pwned = 1</script>')
        expect(hostileRow).toContain('<img src=x onerror="window.__pwned = 2">')
        expect(await tab.$$eval('a[href^="javascript:"]', (links) => links.length)).toBe(0)
        if (javaScriptEnabled) {
          expect(await tab.evaluate(() => (window as { __pwned?: number }).__pwned ?? null)).toBeNull()
          expect(consoleErrors).toEqual([])
          await tab.screenshot({ path: SCREENSHOT, fullPage: false })
        }
        await context.close()
      }
    } finally {
      await browser?.close()
      await sandbox.close()
    }
  })
})
