import type { BatchRunFileResult, BatchRunResults } from '@evalrun/datalab'
import type { EvalRunOutputItem } from '@evalrun/openai'
import { fakeFetch, json } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import { STATUS_RANK } from '../src/core/compare-verdict.js'
import {
  createEvalrun,
  type EvalItem,
  EvalrunApiError,
  EvalrunInvalidInputError,
  type RunComparison,
} from '../src/index.js'
import { datalabRun } from './fixtures/datalab.js'
import { openaiEval, openaiItem, openaiPage, openaiRun } from './fixtures/openai.js'

function datalabFile(filename: string, score: number | null, status = 'completed'): BatchRunFileResult {
  return {
    request_id: Math.floor(Math.random() * 1e9),
    filename,
    status,
    eval_score: score,
    eval_results: {},
    created: '2026-03-02T09:20:00.000000',
    lookup_key: `lk-${filename}`,
  } satisfies BatchRunFileResult
}

/** Datalab runs 100 and up are of another collection (suite) than the others. */
const datalabRunOf = (id: number) => datalabRun(id, id >= 100 ? { collection_id: 78 } : {})

/** Datalab runs by id, each with its file results; OpenAI runs by id, each with its output items (2 per page). */
function setup(
  datalab: Record<number, BatchRunFileResult[]>,
  openai: Record<string, EvalRunOutputItem[] | 'fails on page 2' | 'repeats its first page'> = {},
) {
  const { fetch, requests } = fakeFetch({
    'GET /dl/api/v1/eval_batch_runs/{id}': ({ url }) =>
      json(datalabRunOf(Number(url.pathname.split('/').pop()))),
    'GET /dl/api/v1/eval_batch_runs/{id}/results': ({ url }) => {
      const id = Number(url.pathname.split('/').at(-2))
      return json({ batch_run: datalabRunOf(id), file_results: datalab[id] ?? [] } satisfies BatchRunResults)
    },
    'GET /oa/evals/{id}': () => json(openaiEval),
    'GET /oa/evals/{id}/runs/{run}': ({ url }) => json(openaiRun(url.pathname.split('/').pop() ?? '')),
    'GET /oa/evals/{id}/runs/{run}/output_items': ({ url }) => {
      const items = openai[url.pathname.split('/').at(-2) ?? ''] ?? []
      const after = url.searchParams.get('after')
      if (items === 'repeats its first page') {
        return json(openaiPage([openaiItem('oi_1', 'pass', 0), openaiItem('oi_2', 'pass', 1)], true))
      }
      if (items === 'fails on page 2') {
        return after === null
          ? json(openaiPage([openaiItem('oi_1', 'pass', 0), openaiItem('oi_2', 'pass', 1)], true))
          : json({ error: { message: 'The server had an error', type: 'server_error' } }, 400)
      }
      const start = after === null ? 0 : items.findIndex((item) => item.id === after) + 1
      const page = items.slice(start, start + 2)
      return json(openaiPage(page, start + 2 < items.length))
    },
  })
  const evalrun = createEvalrun({
    fetch,
    retry: false,
    promptlayer: false,
    humanloop: false,
    datalab: { apiKey: 'dl-test-key', baseUrl: 'http://127.0.0.1:9/dl' },
    openai: { apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:9/oa' },
    onWarning: () => {},
  })
  return { evalrun, requests }
}

const openaiRef = (runId: string) => `openai:${openaiEval.id}/${runId}`
const byKey = (comparison: RunComparison) =>
  Object.fromEntries(comparison.items.map((item) => [item.key, item]))

describe('runs.compare within one vendor', () => {
  it('joins by item key and says which items improved, regressed, stayed, were added or removed', async () => {
    const { evalrun } = setup({
      1: [
        datalabFile('same.pdf', 0.9),
        datalabFile('better.pdf', 0.5),
        datalabFile('fixed.pdf', null, 'failed'),
        datalabFile('worse.pdf', 0.7),
        datalabFile('much-worse.pdf', 0.8),
        datalabFile('gone.pdf', 0.6),
      ],
      2: [
        datalabFile('same.pdf', 0.9),
        datalabFile('better.pdf', 0.8),
        datalabFile('fixed.pdf', 0.6),
        datalabFile('worse.pdf', 0.6),
        datalabFile('much-worse.pdf', 0.2),
        datalabFile('new.pdf', 0.7),
      ],
    })
    const comparison = await evalrun.runs.compare('datalab:1', 'datalab:2')
    expect(comparison.base.ref).toBe('datalab:1')
    expect(comparison.head.ref).toBe('datalab:2')
    expect(comparison.joinedBy).toBe('key')
    expect(comparison.summary).toMatchObject({
      improved: 2,
      regressed: 2,
      unchanged: 1,
      added: 1,
      removed: 1,
    })
    // Regressions first, biggest fall first; a status step outranks any score move; then added, then removed.
    expect(comparison.items.map((item) => [item.key, item.change])).toEqual([
      ['much-worse.pdf', 'regressed'],
      ['worse.pdf', 'regressed'],
      ['fixed.pdf', 'improved'],
      ['better.pdf', 'improved'],
      ['new.pdf', 'added'],
      ['gone.pdf', 'removed'],
    ])
    const items = byKey(comparison)
    // Datalab declares no scale: raw scores are compared, within the one vendor.
    expect(items['much-worse.pdf']?.scoreDelta).toBeCloseTo(-0.6)
    expect(items['much-worse.pdf']?.metrics).toEqual([
      { name: 'eval_score', base: 0.8, head: 0.2, delta: expect.closeTo(-0.6), normalized: false },
    ])
    expect(items['fixed.pdf']).toMatchObject({
      base: { status: 'error', score: null },
      head: { status: 'completed', score: 0.6 },
    })
    expect(items['new.pdf']).toMatchObject({ base: null, head: { score: 0.7 }, scoreDelta: null })
    expect(items['gone.pdf']?.metrics).toEqual([
      { name: 'eval_score', base: 0.6, head: null, delta: null, normalized: false },
    ])
    // Means over the items each run has: base 3.5 / 5, head 3.8 / 6.
    const [metric] = comparison.summary.metrics
    expect(metric).toMatchObject({ name: 'eval_score', normalized: false })
    expect(metric?.baseMean).toBeCloseTo(3.5 / 5)
    expect(metric?.headMean).toBeCloseTo(3.8 / 6)
    expect(metric?.delta).toBeCloseTo(3.8 / 6 - 3.5 / 5)
    expect(comparison.sameSuite).toBe(true)
    expect(comparison.warnings).toEqual([])
    // No payload in a compared side; its name, as the vendor gives it (Datalab's file name is its key).
    expect(Object.keys(items['better.pdf']?.base ?? {})).toEqual([
      'id',
      'name',
      'status',
      'score',
      'normalizedScore',
    ])
    expect(items['better.pdf']?.head?.name).toBe('better.pdf')
  })

  it('compares normalised scores and metrics where the vendor gives scales (OpenAI pass rates)', async () => {
    const { evalrun } = setup(
      {},
      {
        a: [openaiItem('a0', 'pass', 0), openaiItem('a1', 'fail', 1), openaiItem('a2', 'pass', 2)],
        b: [openaiItem('b0', 'pass', 0), openaiItem('b1', 'pass', 1), openaiItem('b2', 'fail', 2)],
      },
    )
    const comparison = await evalrun.runs.compare(openaiRef('a'), { ref: openaiRef('b') })
    expect(comparison.summary).toMatchObject({
      improved: 1,
      regressed: 1,
      unchanged: 1,
      added: 0,
      removed: 0,
    })
    expect(comparison.items.map((item) => [item.key, item.change, item.scoreDelta])).toEqual([
      ['2', 'regressed', -0.5],
      ['1', 'improved', 0.5],
    ])
    // The graders' scores carry no range in an output item: their deltas are raw, within the one vendor.
    expect(comparison.items[0]?.metrics).toEqual([
      { name: 'Exact answer', base: 1, head: 0, delta: -1, normalized: false },
      { name: 'Polite', base: 1, head: 1, delta: 0, normalized: false },
    ])
  })

  it('reads the head run page by page and joins across pages', async () => {
    const head = Array.from({ length: 7 }, (_, i) => openaiItem(`h${i}`, i === 5 ? 'fail' : 'pass', i))
    const base = Array.from({ length: 7 }, (_, i) => openaiItem(`b${i}`, 'pass', 6 - i))
    const { evalrun, requests } = setup({}, { base, head })
    const comparison = await evalrun.runs.compare(openaiRef('base'), openaiRef('head'))
    expect(comparison.summary).toMatchObject({ regressed: 1, unchanged: 6 })
    expect(comparison.items.map((item) => item.key)).toEqual(['5'])
    expect(requests.filter((r) => r.url.pathname.endsWith('/output_items'))).toHaveLength(8)
  })

  it('keeps the first of items that share a key, and warns once per run with a count', async () => {
    const { evalrun } = setup({
      1: [datalabFile('a.pdf', 0.5), datalabFile('a.pdf', 0.1), datalabFile('a.pdf', 0.2)],
      2: [datalabFile('a.pdf', 0.5), datalabFile('a.pdf', 0.9), datalabFile('b.pdf', null, 'skipped')],
    })
    const comparison = await evalrun.runs.compare('datalab:1', 'datalab:2')
    expect(comparison.summary).toMatchObject({ unchanged: 1, added: 1, improved: 0, regressed: 0 })
    expect(comparison.warnings).toEqual([
      '2 item(s) of the base run repeat a key already seen in it (first "a.pdf"); only the first item of each key was compared.',
      '1 item(s) of the head run repeat a key already seen in it (first "a.pdf"); only the first item of each key was compared.',
    ])
    // Means count only the items compared.
    expect(comparison.summary.metrics[0]).toMatchObject({ baseMean: 0.5, headMean: 0.5, delta: 0 })
  })
})

describe('runs.compare across vendors', () => {
  const datalabFiles = [
    datalabFile('q0.pdf', 0.9),
    datalabFile('q1.pdf', 0.8),
    datalabFile('q2.pdf', null, 'failed'),
    datalabFile('only-datalab.pdf', 0.4),
  ]
  const openaiItems = [0, 1, 2, 3].map((i) => ({
    ...openaiItem(`o${i}`, i === 1 ? 'fail' : 'pass', i),
    datasource_item: { file: `q${i}.pdf` },
  }))

  it('refuses two vendors without a key, before sending anything', async () => {
    const { evalrun, requests } = setup({ 1: datalabFiles }, { r: openaiItems })
    const refused = evalrun.runs.compare('datalab:1', openaiRef('r'))
    await expect(refused).rejects.toSatisfy(EvalrunInvalidInputError.isInstance)
    await expect(refused).rejects.toThrow(/options\.key.*datalab run with a openai run.*never match/)
    expect(requests).toEqual([])
  })

  it('joins on a key the user chooses, and compares only what shares a scale', async () => {
    const { evalrun } = setup({ 1: datalabFiles }, { r: openaiItems })
    const key = (item: EvalItem) =>
      item.vendor === 'datalab' ? item.name : String((item.input as { file: string }).file)
    const comparison = await evalrun.runs.compare('datalab:1', openaiRef('r'), { key })
    expect(comparison.joinedBy).toBe('custom')
    expect(comparison.summary).toMatchObject({
      improved: 1,
      regressed: 1,
      unchanged: 1,
      added: 1,
      removed: 1,
    })
    expect(comparison.items.map((item) => [item.key, item.change])).toEqual([
      ['q1.pdf', 'regressed'],
      ['q2.pdf', 'improved'],
      ['q3.pdf', 'added'],
      ['only-datalab.pdf', 'removed'],
    ])
    // Datalab's score has no declared scale, OpenAI's is a pass rate: no score difference is said between them.
    expect(comparison.items[0]?.scoreDelta).toBeNull()
    expect(comparison.summary.metrics.every((metric) => metric.delta === null)).toBe(true)
    expect(comparison.warnings).toContain(
      '2 items found in both runs had no score or metric to compare (none in common or on one scale): only their status was compared.',
    )
  })
})

describe('runs.compare across suites', () => {
  const files = [datalabFile('row 4', 0.9)]

  it("says the runs are of two suites when their items were joined on the vendor's key", async () => {
    const { evalrun } = setup({ 1: files, 100: files })
    const comparison = await evalrun.runs.compare('datalab:1', 'datalab:100')
    expect(comparison.sameSuite).toBe(false)
    expect(comparison.warnings).toContain(
      "The runs are of two suites (datalab:77 and datalab:78): items were joined on the vendor's key, which may name different test cases in each suite.",
    )
  })

  it('says nothing more when the join was chosen', async () => {
    const { evalrun } = setup({ 1: files, 100: files })
    const comparison = await evalrun.runs.compare('datalab:1', 'datalab:100', { key: (item) => item.name })
    expect(comparison.sameSuite).toBe(false)
    expect(comparison.warnings).toEqual([])
  })
})

describe('runs.compare never returns a partial comparison', () => {
  it('throws when a listing of items fails part-way', async () => {
    const { evalrun } = setup({}, { a: 'fails on page 2', b: [openaiItem('b0', 'pass', 0)] })
    await expect(evalrun.runs.compare(openaiRef('b'), openaiRef('a'))).rejects.toSatisfy(
      EvalrunApiError.isInstance,
    )
    await expect(evalrun.runs.compare(openaiRef('a'), openaiRef('b'))).rejects.toThrow(
      /The server had an error/,
    )
  })

  it('says it is incomplete when an item listing stopped early (a server repeating a page)', async () => {
    const { evalrun } = setup({}, { a: 'repeats its first page', b: [openaiItem('b0', 'pass', 0)] })
    const comparison = await evalrun.runs.compare(openaiRef('b'), openaiRef('a'))
    expect(comparison.complete).toBe(false)
    expect(comparison.warnings.join('\n')).toMatch(/listing stopped there/)
    const clean = await setup({}, { b: [openaiItem('b0', 'pass', 0)] }).evalrun.runs.compare(
      openaiRef('b'),
      openaiRef('b'),
    )
    expect(clean.complete).toBe(true)
  })

  it('throws when reading a run fails', async () => {
    const { evalrun } = setup({ 1: [] })
    await expect(evalrun.runs.compare('datalab:1', 'promptlayer:2')).rejects.toThrow(/not configured/)
  })
})

describe('runs.compare input', () => {
  it.each([
    ['nope', 'datalab:1', {}, 'base'],
    ['datalab:1', 42, {}, 'head'],
    ['datalab:1', 'acme:2', {}, 'head'],
    ['datalab:1', 'datalab:2', { key: 'input' }, 'options.key'],
    ['datalab:1', 'datalab:2', null, 'options'],
  ])('rejects %j vs %j (%j) naming %s, before sending anything', async (base, head, options, field) => {
    const { evalrun, requests } = setup({})
    const error = await evalrun.runs
      .compare(base as string, head as string, options as never)
      .catch((caught: unknown) => caught)
    expect(EvalrunInvalidInputError.isInstance(error)).toBe(true)
    expect((error as EvalrunInvalidInputError).field).toBe(field)
    expect(requests).toEqual([])
  })

  it('rejects a key function that gives anything but a string or null', async () => {
    const { evalrun } = setup({ 1: [datalabFile('a.pdf', 1)], 2: [] })
    await expect(
      evalrun.runs.compare('datalab:1', 'datalab:2', { key: () => 42 as unknown as string }),
    ).rejects.toThrow(/options\.key.*got 42/)
  })

  it('leaves out items whose key is null, with a count', async () => {
    const { evalrun } = setup({ 1: [datalabFile('a.pdf', 1), datalabFile('b.pdf', 1)], 2: [] })
    const comparison = await evalrun.runs.compare('datalab:1', 'datalab:2', {
      key: (item) => (item.name === 'a.pdf' ? null : item.key),
    })
    expect(comparison.summary.removed).toBe(1)
    expect(comparison.warnings).toContain('1 item(s) of the base run had no join key and were left out.')
  })
})

describe('STATUS_RANK', () => {
  it('ranks statuses passed = completed > pending = skipped = unknown > failed > error', () => {
    expect(STATUS_RANK.passed).toBe(STATUS_RANK.completed)
    expect(STATUS_RANK.pending).toBeLessThan(STATUS_RANK.completed)
    expect(STATUS_RANK.failed).toBeLessThan(STATUS_RANK.unknown)
    expect(STATUS_RANK.error).toBeLessThan(STATUS_RANK.failed)
  })
})
