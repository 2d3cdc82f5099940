import { describe, expect, it } from 'vitest'
import { renderHtmlReport } from '../src/reports.js'
import { comparedItem, reportComparison, reportRun } from './helpers/report-data.js'

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9))

/** Three runs of "Invoices" at one vendor, two at another under the same suite name, and a failed one elsewhere. */
function runs() {
  return [
    reportRun('1', { createdAt: day(1), score: 0.7, passRate: 0.6 }),
    reportRun('2', { createdAt: day(2), score: 0.8, passRate: 0.7 }),
    reportRun('3', { createdAt: day(3), score: 0.75, passRate: null }),
    reportRun('11', {
      vendor: 'promptlayer',
      createdAt: day(1),
      score: 60,
      scoreScale: { min: 0, max: 100, source: 'declared' },
      suite: { kind: 'pipeline', id: '4', name: 'Invoices', ref: 'promptlayer:4' },
    }),
    reportRun('12', {
      vendor: 'promptlayer',
      createdAt: day(4),
      score: 90,
      scoreScale: { min: 0, max: 100, source: 'declared' },
      suite: { kind: 'pipeline', id: '4', name: 'Invoices', ref: 'promptlayer:4' },
    }),
    reportRun('20', {
      status: 'failed',
      createdAt: day(2),
      score: null,
      passRate: null,
      suite: { kind: 'collection', id: '9', name: 'Receipts', ref: 'datalab:9' },
    }),
  ]
}

const count = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].length

describe('renderHtmlReport', () => {
  it('shows every run, status counts, each suite over time by vendor, and the latest pair per suite', async () => {
    const all = runs()
    const comparison = reportComparison(all[1] as never, all[2] as never, [
      comparedItem('file-a', 'regressed', 0.9, 0.3),
    ])
    const html = await renderHtmlReport(
      { runs: all.map((run) => ({ run })), comparisons: [comparison], title: 'Nightly evals' },
      { generatedAt: day(5) },
    )
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<title>Nightly evals</title>')
    expect(html).toContain('Generated 2026-11-05 09:00Z from 6 runs across 2 vendors and 2 suites.')
    expect(count(html, /<tr data-ref="[^"]*" data-vendor=/g)).toBe(6)
    expect(html).toMatch(
      /<tr data-vendor="datalab"><th scope="row">.*datalab<\/span><\/th><td class="num">0<\/td><td class="num">0<\/td><td class="num">3<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">4<\/td><\/tr>/,
    )
    // One suite named Invoices across two vendors: 5 score points and 4 pass-rate points (one run has none).
    const invoices = html.slice(html.indexOf('data-suite="Invoices"'), html.indexOf('data-suite="Receipts"'))
    expect(count(invoices, /<circle class="point"/g)).toBe(5 + 4)
    expect(count(invoices, /data-vendor="promptlayer" data-ref="promptlayer:12" data-value="0.9"/g)).toBe(1)
    expect(
      new Set([...invoices.matchAll(/<polyline class="series"[^>]* stroke="([^"]+)"/g)].map((m) => m[1]))
        .size,
    ).toBe(2)
    // The latest pair of each suite, with the comparison's item counts where one was given.
    expect(invoices).toContain('data-base="datalab:2" data-head="datalab:3"')
    expect(invoices).toContain('data-base="promptlayer:11" data-head="promptlayer:12"')
    expect(invoices).toContain('<span class="bad">1 regressed</span>')
    expect(invoices).toContain('<span class="good">+30 pts</span>')
    // A suite with nothing to chart says so in words, with no empty frames.
    const receipts = html.slice(html.indexOf('data-suite="Receipts"'))
    expect(receipts).toContain('No run of this suite has a score or a pass rate yet.')
    expect(receipts.slice(0, receipts.indexOf('</article>'))).not.toContain('<svg')
  })

  it('makes no request: no script, stylesheet, image, font or frame, and a policy that forbids them', async () => {
    const html = await renderHtmlReport({ runs: runs().map((run) => ({ run })) })
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;`)
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i)
    expect(html).not.toMatch(/\bsrc=|url\(|@import/i)
    // The only links are the vendors' own run pages.
    const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])
    expect(links.every((link) => link?.startsWith('https://example.test/runs/'))).toBe(true)
  })

  it('escapes every vendor string: a run named <script> is text, and a javascript: URL is no link', async () => {
    const evil = '<script>window.pwned=1</script><img src=x onerror=alert(1)>"\'&'
    const run = reportRun('1', {
      name: evil,
      url: 'javascript:alert(1)',
      suite: { kind: 'collection', id: '7', name: evil, ref: 'datalab:7' },
      vendorStatus: evil,
    })
    const html = await renderHtmlReport({
      runs: [{ run, verdict: { passed: false, reason: evil } }],
      title: evil,
    })
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('javascript:')
    expect(html).toContain(
      '&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"\'&amp;',
    )
    expect(html).toContain(
      'data-suite="&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"',
    )
  })

  it('lists at most maxRunRows runs, latest first, and says how many were left out', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      run: reportRun(String(i), { createdAt: day(1 + (i % 28)) }),
    }))
    const html = await renderHtmlReport({ runs: many }, { maxRunRows: 10 })
    expect(count(html, /<tr data-ref="[^"]*" data-vendor=/g)).toBe(10)
    expect(html).toContain('The 10 latest of 30 runs are listed; the charts and counts include every run.')
    expect(count(html, /<circle class="point"/g)).toBe(60)
  })
})
