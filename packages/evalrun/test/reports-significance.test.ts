import * as stats from 'evalrun/stats'
import { describe, expect, it } from 'vitest'
import { compareRuns } from '../src/core/compare-runs.js'
import { renderHtmlReport, toJUnit, toMarkdown } from '../src/reports.js'
import { source, twoRuns } from './helpers/paired-runs.js'
import { reportRun } from './helpers/report-data.js'

async function comparison() {
  return compareRuns(source(twoRuns(80, 1, 0.25, 11)), 'datalab:1', 'datalab:2', { stats })
}

describe('reports show a comparison’s paired tests', () => {
  it('JUnit: the interval, n, p-values and verdict of each measure as properties', async () => {
    const compared = await comparison()
    const passRate = compared.significance?.passRate
    if (!passRate) throw new Error('no pass rate test')
    const xml = await toJUnit({ runs: [{ run: reportRun('2') }], comparisons: [compared] })
    const property = (name: string) => new RegExp(`<property name="${name}" value="([^"]*)"`).exec(xml)?.[1]
    expect(property('significance.level')).toBe('0.95')
    expect(Number(property('significance.passRate.low'))).toBe(passRate.low)
    expect(Number(property('significance.passRate.pValue'))).toBe(passRate.pValue)
    expect(Number(property('significance.passRate.n'))).toBe(passRate.n)
    expect(property('significance.passRate.verdict')).toBe(passRate.verdict)
    expect(Number(property('significance.passRate.mcnemar.pValue'))).toBe(passRate.mcnemar.pValue)
    expect(property('significance.metric.accuracy.verdict')).toBe(compared.significance?.metrics[0]?.verdict)
  })

  it('Markdown and HTML: the change ± half its interval, n, the test and its p-value, the verdict', async () => {
    const compared = await comparison()
    const passRate = compared.significance?.passRate
    if (!passRate) throw new Error('no pass rate test')
    const half = (((passRate.high - passRate.low) / 2) * 100).toFixed(1).replace(/\.0$/, '')
    const markdown = await toMarkdown({ runs: [{ run: reportRun('2') }], comparisons: [compared] })
    const row = markdown.split('\n').find((line) => line.startsWith('| pass rate |'))
    expect(row).toContain(`± ${half}`)
    expect(row).toContain(`| ${passRate.n} |`)
    expect(row).toContain(`McNemar p = `)
    expect(row).toContain(`| ${passRate.verdict} |`)
    const html = await renderHtmlReport({ runs: [{ run: reportRun('2') }], comparisons: [compared] })
    expect(html).toContain('<table class="significance">')
    expect(html).toMatch(new RegExp(`<td>pass rate</td><td class="num">[^<]*± ${half}</td>`))
    expect(html).toContain(passRate.verdict)
  })

  it('show a run’s intervals: ± and n beside its rates, error bars on the charts, JUnit properties', async () => {
    const runs = twoRuns(60, 1, 0, 12)
    const items = source(runs).results(reportRun('1'), new AbortController().signal, () => {})
    const intervals = { ref: 'datalab:1', complete: true, ...(await stats.itemStats(items)) }
    const passRate = intervals.passRate
    if (!passRate) throw new Error('no pass rate')
    const run = reportRun('1', { createdAt: new Date('2026-11-01T10:00:00Z') })
    const input = { runs: [{ run, stats: intervals }] }
    const half = (((passRate.high - passRate.low) / 2) * 100).toFixed(1).replace(/\.0$/, '')
    expect(await toMarkdown(input)).toContain(`± ${half} pts, n = 60 |`)
    const html = await renderHtmlReport(input)
    expect(html).toContain(`class="error-bar"`)
    expect(html).toContain(`data-low="${passRate.low}" data-high="${passRate.high}"`)
    expect(html).toContain(`<small class="interval">± ${half} pts, n = 60</small></td>`)
    const xml = await toJUnit(input)
    expect(xml).toContain(`<property name="passRate.low" value="${passRate.low}"/>`)
    expect(xml).toContain(`<property name="passRate.n" value="60"/>`)
  })
})
