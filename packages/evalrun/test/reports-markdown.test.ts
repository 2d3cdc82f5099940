import { describe, expect, it } from 'vitest'
import { MARKDOWN_MAX_BYTES, type ReportRun, toMarkdown } from '../src/reports.js'
import { comparedItem, reportComparison, reportItem, reportRun } from './helpers/report-data.js'

const bytes = (text: string) => new TextEncoder().encode(text).length

describe('toMarkdown', () => {
  it('says the verdict and lists the runs with score, scale, normalised score and pass rate', async () => {
    const promptlayer = reportRun('12', {
      vendor: 'promptlayer',
      score: 79,
      scoreScale: { min: 0, max: 100, source: 'declared' },
      passRate: null,
    })
    const markdown = await toMarkdown({
      runs: [
        { run: reportRun('1'), verdict: { passed: true, reason: 'completed, score 0.8' } },
        {
          run: promptlayer,
          verdict: { passed: false, reason: 'normalised score 0.79 is below --min-score 0.8' },
          items: [
            reportItem('1'),
            reportItem('2', { status: 'failed' }),
            reportItem('3', { status: 'failed' }),
          ],
        },
      ],
    })
    const lines = markdown.split('\n')
    expect(lines[0]).toBe('## ❌ evalrun: failed (1 of 2 gated runs failed)')
    expect(lines).toContain(
      '| [datalab:1 nightly 1](https://example.test/runs/1) | datalab | Invoices | completed | 0.8 | 0..1 (declared) | 0.8 | 75% | 3/3 done | ✅ completed, score 0.8 |',
    )
    expect(lines).toContain(
      '| [promptlayer:12 nightly 12](https://example.test/runs/12) | promptlayer | Invoices | completed | 79 | 0..100 (declared) | 0.79 | — | 1 passed · 2 failed | ❌ normalised score 0.79 is below --min-score 0.8 |',
    )
    const passing = await toMarkdown({
      runs: [{ run: reportRun('1'), verdict: { passed: true, reason: 'ok' } }],
    })
    expect(passing.split('\n')[0]).toBe('## ✅ evalrun: passed (1 run, every gate passed)')
    expect((await toMarkdown({ runs: [{ run: reportRun('1') }] })).split('\n')[0]).toBe('## evalrun: 1 run')
    const unread = await toMarkdown({
      runs: [],
      unreadRuns: [{ ref: 'datalab:404', reason: 'no such run: datalab:404' }],
    })
    expect(unread.split('\n')[0]).toBe('## ❌ evalrun: failed (1 of 1 gated run failed)')
    expect(unread).toContain('| datalab:404 | | | not read | | | | | | ❌ no such run: datalab:404 |')
  })

  it('keeps vendor text inside its cell: pipes, newlines, markup and links are escaped', async () => {
    const run = reportRun('1', {
      name: 'a | b\nc <script>alert(1)</script> **bold** [x](javascript:alert(1))',
      url: 'javascript:alert(1)',
    })
    const markdown = await toMarkdown({ runs: [{ run }] })
    const row = markdown.split('\n').find((line) => line.startsWith('| datalab:1'))
    expect(row).toBe(
      '| datalab:1 a \\| b c &lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold\\*\\* \\[x\\](javascript:alert(1)) | datalab | Invoices | completed | 0.8 | 0..1 (declared) | 0.8 | 75% | 3/3 done | — |',
    )
    // Ten columns, so ten unescaped pipes plus one.
    expect(row?.split(/(?<!\\)\|/).length).toBe(12)
  })

  it('shows a comparison: counts, metrics and the top regressions, largest drop first', async () => {
    const base = reportRun('1')
    const head = reportRun('2')
    const items = [
      comparedItem('file-a', 'regressed', 0.9, 0.2),
      comparedItem('file-b', 'regressed', 0.9, 0.7),
      comparedItem('file-c', 'improved', 0.1, 0.9),
    ]
    const markdown = await toMarkdown(
      { runs: [{ run: head }], comparisons: [reportComparison(base, head, items)] },
      { topRegressions: 1 },
    )
    expect(markdown).toContain(
      '### Compared: [datalab:1 nightly 1](https://example.test/runs/1) → [datalab:2 nightly 2](https://example.test/runs/2)',
    )
    expect(markdown).toContain(
      "2 regressed · 1 improved · 40 unchanged · 0 added · 0 removed (items joined by the vendor's key)",
    )
    expect(markdown).toContain('| accuracy | 0.9 | 0.8 | −10 pts |')
    expect(markdown).toContain('**Top regressions** (1 of 2)')
    expect(markdown).toContain('| file-a | 0.9 | 0.2 | −70 pts | accuracy −70 pts |')
    expect(markdown).not.toContain('| file-b |')
    expect(markdown).not.toContain('[!WARNING]')
    // An item the vendor names is shown by its name, its key after it.
    const named = await toMarkdown({
      runs: [],
      comparisons: [
        reportComparison(base, head, [
          comparedItem('row 1', 'regressed', 0.9, 0.2, 'How do I reset my password?'),
        ]),
      ],
    })
    expect(named).toContain('| How do I reset my password? (row 1) | 0.9 | 0.2 | −70 pts |')
    const partial = await toMarkdown({
      runs: [],
      comparisons: [{ ...reportComparison(base, head, items), complete: false }],
    })
    expect(partial).toContain(
      '> [!WARNING]\n> An item listing stopped before its end: these counts cover only the items read.',
    )
  })

  it('stays under 1 MiB with a note when the input is huge, and reads no items past the cut', async () => {
    let itemsRead = 0
    function* items() {
      itemsRead++
      yield reportItem('1')
    }
    function* runs(): Generator<ReportRun> {
      for (let i = 0; i < 20_000; i++) {
        yield { run: reportRun(String(i), { name: `run ${i} ${'x'.repeat(60)}` }), items: items() }
      }
    }
    const markdown = await toMarkdown({ runs: runs() })
    expect(bytes(markdown)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES)
    expect(bytes(markdown)).toBeLessThan(1024 * 1024)
    const shown = markdown.split('\n').filter((line) => line.startsWith('| [datalab:')).length
    expect(shown).toBeGreaterThan(1000)
    expect(markdown).toContain(`${(20_000 - shown).toLocaleString('en')} more rows were left out`)
    expect(markdown.split('\n')[0]).toBe('## evalrun: 20000 runs')
    // The rows shown, and the one that did not fit.
    expect(itemsRead).toBe(shown + 1)
  })

  it('honours a smaller cap, such as a pull request comment', async () => {
    const runs = Array.from({ length: 2_000 }, (_, i) => ({ run: reportRun(String(i)) }))
    const comment = await toMarkdown({ runs }, { maxBytes: 65_000 })
    expect(bytes(comment)).toBeLessThanOrEqual(65_000)
    expect(comment).toMatch(/more rows were left out/)
    const huge = await toMarkdown({ runs: [], title: 'x'.repeat(10_000) }, { maxBytes: 3_000 })
    expect(bytes(huge)).toBeLessThanOrEqual(3_000)
  })
})
