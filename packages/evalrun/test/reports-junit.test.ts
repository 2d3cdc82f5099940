import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import type { EvalItem } from '../src/core/model.js'
import { toJUnit } from '../src/reports.js'
import { mapDatalabItem } from '../src/vendors/datalab/map-item.js'
import { mapDatalabRun } from '../src/vendors/datalab/map-run.js'
import { mapOpenAIItem } from '../src/vendors/openai/map-item.js'
import { mapOpenAIRun } from '../src/vendors/openai/map-run.js'
import { datalabResults, datalabRunCompleted } from './fixtures/datalab.js'
import { openaiEval, openaiItem, openaiRun } from './fixtures/openai.js'
import { comparedItem, reportComparison, reportItem, reportRun } from './helpers/report-data.js'

const SCHEMA = readFileSync(new URL('./fixtures/jenkins-junit.xsd', import.meta.url), 'utf8')

async function expectValid(xml: string): Promise<void> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [SCHEMA] })
  expect(result.errors.map((error) => error.rawMessage)).toEqual([])
  expect(result.valid).toBe(true)
}

/** Each `<testsuite>`'s count attributes, and what its test cases really hold. */
function suites(xml: string) {
  return [...xml.matchAll(/<testsuite ([^>]*)>([\s\S]*?)<\/testsuite>/g)].map(
    ([, attributes = '', body = '']) => {
      const attribute = (name: string) => Number(new RegExp(` ${name}="(\\d+)"`).exec(` ${attributes}`)?.[1])
      const cases = body.split('<testcase ').slice(1)
      return {
        name: /name="([^"]*)"/.exec(attributes)?.[1],
        attributes: {
          tests: attribute('tests'),
          failures: attribute('failures'),
          errors: attribute('errors'),
          skipped: attribute('skipped'),
        },
        actual: {
          tests: cases.length,
          failures: cases.filter((c) => c.includes('<failure ')).length,
          errors: cases.filter((c) => c.includes('<error ')).length,
          skipped: cases.filter((c) => c.includes('<skipped>')).length,
        },
        properties: Object.fromEntries(
          [...body.matchAll(/<property name="([^"]*)" value="([^"]*)"\/>/g)].map(([, k, v]) => [k, v]),
        ),
      }
    },
  )
}

async function* lazily(items: EvalItem[]): AsyncGenerator<EvalItem> {
  for (const item of items) yield item
}

describe('toJUnit', () => {
  it('writes real vendor runs and items as schema-valid JUnit whose counts add up', async () => {
    const openai = mapOpenAIRun(openaiRun('evalrun_1'), openaiEval, openaiEval.id)
    const openaiItems = [
      mapOpenAIItem(openaiItem('outputitem_1', 'pass', 1), openai.ref),
      mapOpenAIItem(openaiItem('outputitem_2', 'fail', 2), openai.ref),
    ]
    const datalab = mapDatalabRun(datalabRunCompleted)
    const datalabItems = datalabResults.file_results.map((file) => mapDatalabItem(file, datalab.ref))
    const xml = await toJUnit({
      runs: [
        {
          run: openai,
          items: lazily(openaiItems),
          verdict: { passed: false, reason: 'pass rate 70% is below 80%' },
        },
        { run: datalab, items: datalabItems, verdict: { passed: true, reason: 'completed, score 0.9' } },
      ],
    })
    await expectValid(xml)
    const [first, second] = suites(xml)
    for (const suite of [first, second]) expect(suite?.attributes).toEqual(suite?.actual)
    // Two OpenAI items × two graders, and the gate.
    expect(first?.attributes).toEqual({ tests: 5, failures: 2, errors: 0, skipped: 0 })
    expect(first?.properties).toMatchObject({
      vendor: 'openai',
      ref: openai.ref,
      score: String(openai.score),
      scale: '0..1 (computed)',
      normalizedScore: String(openai.normalizedScore),
      passRate: String(openai.passRate),
      verdict: 'failed',
      reason: 'pass rate 70% is below 80%',
    })
    expect(xml).toContain('<failure message="pass rate 70% is below 80%" type="gate">')
    // The root's totals are the sum of the suites'.
    const root = /<testsuites [^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)"/.exec(xml)
    expect(root?.slice(1).map(Number)).toEqual([
      (first?.actual.tests ?? 0) + (second?.actual.tests ?? 0),
      (first?.actual.failures ?? 0) + (second?.actual.failures ?? 0),
      (first?.actual.errors ?? 0) + (second?.actual.errors ?? 0),
    ])
  })

  it('gives one case per item and judgement: failure for a failed verdict, error for an errored item, skipped for none', async () => {
    const tenScale = { min: 0, max: 10, source: 'config' } as const
    const items = [
      reportItem('1', {
        status: 'failed',
        judgements: [
          { name: 'correct', kind: 'boolean', value: false },
          { name: 'rating', kind: 'numeric', value: 4, scale: tenScale },
        ],
      }),
      reportItem('2', { status: 'error', vendorStatus: 'timeout', judgements: [] }),
      reportItem('3', {
        status: 'completed',
        judgements: [{ name: 'rating', kind: 'numeric', value: 9, scale: tenScale }],
      }),
      reportItem('4', { status: 'passed', judgements: [] }),
      reportItem('5', { status: 'pending', judgements: [] }),
    ]
    const xml = await toJUnit({ runs: [{ run: reportRun('1'), items }] })
    await expectValid(xml)
    const [suite] = suites(xml)
    expect(suite?.attributes).toEqual({ tests: 6, failures: 2, errors: 1, skipped: 2 })
    expect(suite?.actual).toEqual(suite?.attributes)
    // A judgement with no verdict of its own takes its item's: item 1 failed, so its rating fails too.
    expect(xml).toMatch(
      /name="invoice-1.pdf › rating"><failure message="the item failed \(rating = 4 gives no verdict of its own\)"/,
    )
    expect(xml).toMatch(/name="invoice-2.pdf"><error message="the item errored: timeout"/)
    expect(xml).toMatch(
      /name="invoice-3.pdf › rating"><skipped>no verdict \(item status: completed\)<\/skipped>/,
    )
    expect(xml).toMatch(/name="invoice-4.pdf"><system-out>/)
  })

  it('escapes every vendor string and drops characters XML 1.0 forbids', async () => {
    const nasty = 'a <b> & "c" \'d\' ]]> \u0000\u0007\u001b\uFFFE \uD800 |\nnew line\tend'
    const run = reportRun('9', {
      name: nasty,
      suite: { kind: 'collection', id: '7', name: nasty, ref: 'datalab:7' },
    })
    const items = [
      reportItem('1', {
        name: nasty,
        status: 'failed',
        warnings: [nasty],
        judgements: [{ name: nasty, kind: 'categorical', value: nasty, passed: false }],
      }),
    ]
    const xml = await toJUnit({
      runs: [{ run, items, verdict: { passed: false, reason: nasty } }],
      title: nasty,
    })
    await expectValid(xml)
    const controls = [...xml].filter((char) => char < ' ' && !'\t\n\r'.includes(char))
    expect(controls).toEqual([])
    expect(xml).toContain(
      'a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; ]]&gt; \uFFFD\uFFFD\uFFFD\uFFFD \uFFFD |&#10;new line&#9;end',
    )
  })

  it('adds a suite per comparison in which each regressed item fails', async () => {
    const base = reportRun('1')
    const head = reportRun('2', { createdAt: new Date('2026-11-02T10:00:00Z') })
    const comparison = reportComparison(base, head, [
      comparedItem('file-a', 'regressed', 0.9, 0.4),
      comparedItem('file-b', 'improved', 0.2, 0.7),
      comparedItem('file-c', 'added', 0, 0.5),
      comparedItem('file-d', 'removed', 0.5, 0),
    ])
    const xml = await toJUnit({ runs: [], comparisons: [comparison] })
    await expectValid(xml)
    const [suite] = suites(xml)
    expect(suite?.name).toBe('evalrun compare datalab:1 → datalab:2')
    expect(suite?.attributes).toEqual({ tests: 4, failures: 1, errors: 0, skipped: 1 })
    expect(suite?.properties).toMatchObject({
      regressed: '1',
      improved: '1',
      'metric.accuracy.delta': '-0.1',
    })
    expect(xml).toContain('<failure message="regressed: score 0.9 → 0.4 (−50 pts)" type="regression">')
  })

  it('gives a comparison whose item listing stopped early an error case: partial counts never pass', async () => {
    const comparison = {
      ...reportComparison(reportRun('1'), reportRun('2'), [comparedItem('file-a', 'improved', 0.2, 0.9)]),
      complete: false,
      warnings: ['datalab: the listing repeated a page'],
    }
    const xml = await toJUnit({ runs: [], comparisons: [comparison] })
    await expectValid(xml)
    expect(suites(xml)[0]?.attributes).toEqual({ tests: 2, failures: 0, errors: 1, skipped: 0 })
    expect(suites(xml)[0]?.properties).toMatchObject({ complete: 'false' })
    expect(xml).toContain('name="complete"><error message="an item listing stopped before its end')
  })

  it('gives a run that could not be read an error case', async () => {
    const xml = await toJUnit({
      runs: [],
      unreadRuns: [{ ref: 'datalab:404', reason: 'no such run: datalab:404' }],
    })
    await expectValid(xml)
    expect(suites(xml)[0]?.attributes).toEqual({ tests: 1, failures: 0, errors: 1, skipped: 0 })
    expect(xml).toContain(
      '<testcase classname="datalab:404" name="read"><error message="no such run: datalab:404" type="error">',
    )
  })

  it('writes a valid report with no runs, and a run with no items as its gate alone', async () => {
    await expectValid(await toJUnit({ runs: [] }))
    const run = reportRun('1', { score: null, scoreScale: null, passRate: null })
    const xml = await toJUnit({ runs: [{ run, verdict: { passed: true, reason: 'completed' } }] })
    await expectValid(xml)
    expect(suites(xml)[0]?.attributes).toEqual({ tests: 1, failures: 0, errors: 0, skipped: 0 })
    expect(suites(xml)[0]?.properties).toMatchObject({
      score: '',
      scale: '',
      normalizedScore: '',
      passRate: '',
    })
  })
})

describe('the evalrun/reports entry', () => {
  it('is its own: the default entry and the core carry no report code', async () => {
    const main = await import('../src/index.js')
    const core = await import('../src/core.js')
    for (const name of ['toJUnit', 'toMarkdown', 'renderHtmlReport', 'latestPairs']) {
      expect(name in main).toBe(false)
      expect(name in core).toBe(false)
    }
  })
})
