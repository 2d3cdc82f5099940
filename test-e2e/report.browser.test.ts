/**
 * The HTML report in a real browser: runs read from the sandbox across every vendor, rendered by
 * `renderHtmlReport`, opened from a file in Debian's headless Chromium. The page must make no request but for
 * itself, show every run and every chart point, stay readable with JavaScript off, and show a run named
 * `<script>` as text. A screenshot is kept at docs/report-screenshot.png. Chromium as in browser.test.ts: in CI
 * its absence fails the test; locally it skips.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { startSandbox } from '@evalrun/sandbox'
import { createEvalrun, type EvalRun } from 'evalrun'
import { latestPairs, renderHtmlReport } from 'evalrun/reports'
import { type Browser, chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'

// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by this test under vitest, not by any turbo task.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const SCREENSHOT = fileURLToPath(new URL('../docs/report-screenshot.png', import.meta.url))
const inCi = Boolean(process.env.CI)
const haveChromium = existsSync(CHROMIUM)

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

describe.skipIf(!haveChromium && !inCi)('HTML report (headless Chromium)', () => {
  it('shows every run and chart point, makes no request, and runs no vendor string', {
    timeout: 90_000,
  }, async () => {
    if (!haveChromium) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does this).`,
      )
    }
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
      const html = await renderHtmlReport(
        { runs: runs.map((run) => ({ run })), comparisons, title: 'evalrun report (browser test)' },
        { generatedAt: new Date('2026-11-27T12:00:00Z') },
      )
      const file = join(mkdtempSync(join(tmpdir(), 'evalrun-report-')), 'report.html')
      writeFileSync(file, html)
      const url = pathToFileURL(file).href

      const charted = (value: (run: EvalRun) => number | null) =>
        runs.filter((run) => run.createdAt !== null && value(run) !== null).length
      const expectedPoints = charted((run) => run.normalizedScore) + charted((run) => run.passRate)
      expect(expectedPoints).toBeGreaterThan(20)

      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 })
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
        expect(new Set(rows.map((row) => row[1]))).toEqual(
          new Set(['datalab', 'promptlayer', 'humanloop', 'openai']),
        )
        for (const row of rows) expect(row[2]).toMatch(/^(queued|running|completed|failed|canceled|unknown)$/)
        const total = await tab.$eval('#status-counts tfoot td:last-child', (td) => td.textContent)
        expect(total).toBe(String(runs.length))

        const points = await tab.$$eval('svg.chart circle.point', (circles) =>
          circles.map((circle) => {
            const box = circle.getBoundingClientRect()
            return {
              value: Number(circle.getAttribute('data-value')),
              visible: box.width > 0 && box.height > 0,
            }
          }),
        )
        expect(points).toHaveLength(expectedPoints)
        for (const point of points) {
          expect(point.value).toBeGreaterThanOrEqual(0)
          expect(point.value).toBeLessThanOrEqual(1)
        }
        // Rendered, not only present: the charts are visible without script.
        expect(points.filter((point) => point.visible).length).toBe(expectedPoints)

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
