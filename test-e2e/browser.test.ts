/**
 * Runs anywhere, browser: the facade bundled for the browser, on a page from one 127.0.0.1 origin, lists the
 * runs of a sandbox on another (CORS) in Debian's headless Chromium, and renders them in a table.
 * Chromium must be installed (`.ci/run` installs it): in CI its absence fails the test; locally it skips.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startSandbox } from '@evalrun/sandbox'
import { BUILT_IN_VENDORS, createEvalrun } from 'evalrun'
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { bundleForRuntime } from './support/bundle.js'
import { launchChromium, requireChromium, runBrowserTests } from './support/chromium.js'
import { serveStatic } from './support/static-server.js'

const screenshotDir = fileURLToPath(new URL('./__screenshots__/', import.meta.url))
const pageEntry = fileURLToPath(new URL('./fixtures/browser-page.ts', import.meta.url))

const page = (config: unknown) => `<!doctype html>
<html><head><meta charset="utf-8"><title>evalrun runs</title>
<style>body{font:14px system-ui,sans-serif;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}</style>
<script id="config" type="application/json">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
</head><body data-state="loading"><h1>Evaluation runs</h1>
<table id="runs"><thead><tr><th>ref</th><th>vendor</th><th>suite</th><th>status</th><th>score</th></tr></thead><tbody></tbody></table>
<script type="module" src="/page.js"></script></body></html>`

describe.skipIf(!runBrowserTests)('browser (headless Chromium)', () => {
  it('lists runs from the sandbox over CORS and renders them', { timeout: 60_000 }, async () => {
    requireChromium()
    const sandbox = await startSandbox({ port: 0, seed: 11, runs: 6, suites: 2, clock: 'manual' })
    const options = sandbox.clientOptions
    const site = await serveStatic({
      '/': { type: 'text/html', body: page(options) },
      '/page.js': { type: 'text/javascript', body: await bundleForRuntime(pageEntry, 'browser') },
    })
    let browser: Browser | undefined
    try {
      const expected: string[] = []
      for await (const run of createEvalrun(options).runs.list()) expected.push(run.ref)
      expected.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))

      browser = await launchChromium()
      const tab = await browser.newPage({ viewport: { width: 1000, height: 700 } })
      const consoleErrors: string[] = []
      tab.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text())
      })
      await tab.goto(site.url)
      await tab.waitForSelector('body[data-state="done"], body[data-state="failed"]', { timeout: 20_000 })
      const state = await tab.evaluate(() => ({ ...document.body.dataset }))
      expect(state.error ?? null, `page failed; console: ${consoleErrors.join(' | ')}`).toBeNull()

      const rendered = await tab.$$eval('#runs tbody tr', (rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
      )
      expect(rendered.map((cells) => cells[0])).toEqual(expected)
      expect(new Set(rendered.map((cells) => cells[1]))).toEqual(
        new Set(BUILT_IN_VENDORS.map((vendor) => vendor.id)),
      )
      for (const cells of rendered)
        expect(cells[3]).toMatch(/^(queued|running|completed|failed|canceled|unknown)$/)

      mkdirSync(screenshotDir, { recursive: true })
      await tab.screenshot({ path: `${screenshotDir}browser-runs.png`, fullPage: true })
    } finally {
      await browser?.close()
      await site.close()
      await sandbox.close()
    }
  })
})
