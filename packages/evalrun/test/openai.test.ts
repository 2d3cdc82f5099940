import { collect, fakeFetch, json } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import { createEvalrun, EvalrunInvalidInputError } from '../src/index.js'
import { mapOpenAIItem } from '../src/vendors/openai/map-item.js'
import { mapOpenAIRun, OPENAI_SCORE_RULE } from '../src/vendors/openai/map-run.js'
import type { OpenAIStartInput } from '../src/vendors/openai/types.js'
import { openaiEval, openaiItem, openaiPage, openaiRun } from './fixtures/openai.js'

const only = (fetch: (request: Request) => Promise<Response>) =>
  createEvalrun({
    fetch,
    retry: false,
    datalab: false,
    promptlayer: false,
    humanloop: false,
    openai: { apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:9/oa' },
  })

describe('OpenAI runs as EvalRuns', () => {
  it('maps status, progress, the pass-rate score and one metric per testing criterion', () => {
    const run = mapOpenAIRun(openaiRun('evalrun_1'), openaiEval, openaiEval.id)
    expect(run.ref).toBe(`openai:${openaiEval.id}/evalrun_1`)
    expect(run.status).toBe('completed')
    expect(run.terminal).toBe(true)
    expect(run.suite).toEqual({
      kind: 'eval',
      id: openaiEval.id,
      name: 'Support answers',
      ref: `openai:${openaiEval.id}`,
    })
    expect(run.progress).toEqual({ total: 10, completed: 10, failed: 1 })
    expect(run.score).toBeCloseTo(7 / 9)
    // The score is evalrun's pass rate, so its scale is 0..1 by construction and it is the run's pass rate too.
    expect(run.scoreScale).toEqual({ min: 0, max: 1, source: 'computed' })
    expect(run.normalizedScore).toBeCloseTo(7 / 9)
    expect(run.passRate).toBeCloseTo(7 / 9)
    expect(run.metrics[0]).toMatchObject({
      name: 'pass rate',
      kind: 'boolean',
      source: OPENAI_SCORE_RULE,
      total: 9,
    })
    expect(run.metrics.slice(1)).toEqual([
      {
        name: 'Exact answer',
        kind: 'boolean',
        value: 6 / 9,
        counts: { true: 6, false: 3 },
        total: 9,
        source: 'per_testing_criteria_results',
        scale: { min: 0, max: 1, source: 'computed' },
        passRate: 6 / 9,
        normalizedValue: 6 / 9,
      },
      {
        name: 'Polite',
        kind: 'boolean',
        value: 1,
        counts: { true: 9, false: 0 },
        total: 9,
        source: 'per_testing_criteria_results',
        scale: { min: 0, max: 1, source: 'computed' },
        passRate: 1,
        normalizedValue: 1,
      },
    ])
    expect(run.url).toContain('run_id=evalrun_1')
    expect(run.createdAt?.toISOString()).toBe('2026-01-02T00:00:00.000Z')
    expect(run.warnings).toEqual([])
  })

  it.each([
    ['queued', 'queued'],
    ['in_progress', 'running'],
    ['failed', 'failed'],
    ['canceled', 'canceled'],
  ])('status %s → %s', (vendorStatus, status) => {
    expect(mapOpenAIRun(openaiRun('r', { status: vendorStatus }), openaiEval, 'e').status).toBe(status)
  })

  it('an unknown status is unknown with a warning; the run error is a warning; no graded items, no score', () => {
    const run = mapOpenAIRun(
      openaiRun('r', {
        status: 'paused',
        result_counts: { total: 0, errored: 0, failed: 0, passed: 0 },
        error: { code: 'invalid_file', message: 'file-abc has no rows' },
      }),
      null,
      'e',
    )
    expect(run.status).toBe('unknown')
    expect(run.vendorStatus).toBe('paused')
    expect(run.score).toBeNull()
    expect(run.warnings).toEqual([
      'OpenAI run status "paused" is not one evalrun knows; mapped to unknown.',
      'OpenAI reported an error on the run (invalid_file): file-abc has no rows',
    ])
  })

  it('items: pass/fail, the share of graders passed as the score, the datasource item id as name', () => {
    const passed = mapOpenAIItem(openaiItem('item_1', 'pass', 0), 'openai:e/r')
    expect(passed).toMatchObject({
      status: 'passed',
      score: 1,
      name: '0',
      id: 'item_1',
      vendorStatus: 'pass',
    })
    const failed = mapOpenAIItem(openaiItem('item_2', 'fail', 7), 'openai:e/r')
    expect(failed).toMatchObject({ status: 'failed', score: 0.5, name: '7' })
    const errored = mapOpenAIItem(
      { ...openaiItem('item_3', 'fail', 8), sample: { error: { code: 'x', message: 'timeout' } } },
      'r',
    )
    expect(errored.status).toBe('error')
    expect(errored.warnings).toEqual(['The sample errored: timeout'])
  })
})

describe('the OpenAI adapter', () => {
  it("pages evals, then each eval's runs, by cursor and lazily", async () => {
    const second = { ...openaiEval, id: 'eval_2', name: 'Second' }
    const runsOf: Record<string, ReturnType<typeof openaiRun>[][]> = {
      [openaiEval.id]: [[openaiRun('r1'), openaiRun('r2')], [openaiRun('r3')]],
      eval_2: [[openaiRun('r4', { eval_id: 'eval_2' })]],
    }
    const { fetch, requests } = fakeFetch({
      'GET /oa/evals': ({ url }) =>
        json(url.searchParams.get('after') ? openaiPage([second], false) : openaiPage([openaiEval], true)),
      'GET /oa/evals/{eval_id}/runs': ({ url }) => {
        const evalId = url.pathname.split('/')[3] as string
        const pages = runsOf[evalId] ?? []
        const index = url.searchParams.get('after') ? 1 : 0
        return json(openaiPage(pages[index] ?? [], index < pages.length - 1))
      },
    })
    const runs = await collect(only(fetch).runs.list())
    expect(runs.map((run) => run.ref)).toEqual([
      `openai:${openaiEval.id}/r1`,
      `openai:${openaiEval.id}/r2`,
      `openai:${openaiEval.id}/r3`,
      'openai:eval_2/r4',
    ])
    expect(runs[3]?.suite.name).toBe('Second')
    expect(requests.map((r) => `${r.url.pathname}?${r.url.searchParams}`)).toEqual([
      '/oa/evals?limit=100&order=desc',
      `/oa/evals/${openaiEval.id}/runs?limit=100&order=desc`,
      `/oa/evals/${openaiEval.id}/runs?limit=100&order=desc&after=r2`,
      `/oa/evals?limit=100&order=desc&after=${openaiEval.id}`,
      '/oa/evals/eval_2/runs?limit=100&order=desc',
    ])
  })

  it('gets, starts (checked before sending) and cancels a run, reading its eval beside it', async () => {
    const { fetch, requests } = fakeFetch({
      'GET /oa/evals/{eval_id}': () => json(openaiEval),
      'GET /oa/evals/{eval_id}/runs/{run_id}': () => json(openaiRun('r1', { status: 'in_progress' })),
      'POST /oa/evals/{eval_id}/runs': ({ body }) =>
        json(openaiRun('r9', { status: 'queued', name: (body as { name: string }).name }), 201),
      'POST /oa/evals/{eval_id}/runs/{run_id}': () => json(openaiRun('r1', { status: 'canceled' })),
    })
    const evalrun = only(fetch)
    expect((await evalrun.runs.get(`openai:${openaiEval.id}/r1`)).status).toBe('running')
    const dataSource: OpenAIStartInput['dataSource'] = {
      type: 'jsonl',
      source: { type: 'file_content', content: [{ item: { q: 'hi' } }] },
    }
    const started = await evalrun.runs.start({
      vendor: 'openai',
      evalId: openaiEval.id,
      dataSource,
      name: 'ci',
    })
    expect(started).toMatchObject({ ref: `openai:${openaiEval.id}/r9`, status: 'queued', name: 'ci' })
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ data_source: dataSource, name: 'ci' })
    expect((await evalrun.runs.cancel(`openai:${openaiEval.id}/r1`)).status).toBe('canceled')

    const sent = requests.length
    for (const [input, field] of [
      [{ vendor: 'openai', evalId: '', dataSource }, 'input.evalId'],
      [{ vendor: 'openai', evalId: 'e', dataSource: { type: 'csv', source: {} } }, 'input.dataSource.type'],
      [
        { vendor: 'openai', evalId: 'e', dataSource: { type: 'jsonl', source: { type: 'responses' } } },
        'input.dataSource.source.type',
      ],
      [
        {
          vendor: 'openai',
          evalId: 'e',
          dataSource: { type: 'jsonl', source: { type: 'file_content', content: [] } },
        },
        'input.dataSource.source.content',
      ],
      [{ vendor: 'openai', evalId: 'e', dataSource, metadata: { k: 1 } }, 'input.metadata.k'],
    ] as const) {
      const error = await evalrun.runs.start(input as never).catch((e: unknown) => e)
      expect(EvalrunInvalidInputError.isInstance(error), field).toBe(true)
      expect((error as EvalrunInvalidInputError).field).toBe(field)
    }
    expect(requests.length).toBe(sent)
  })

  it('reads output items by cursor', async () => {
    const { fetch } = fakeFetch({
      'GET /oa/evals/{eval_id}/runs/{run_id}/output_items': ({ url }) =>
        json(
          url.searchParams.get('after')
            ? openaiPage([openaiItem('i3', 'fail', 3)], false)
            : openaiPage([openaiItem('i1', 'pass', 1), openaiItem('i2', 'pass', 2)], true),
        ),
    })
    const items = await collect(only(fetch).runs.results('openai:e/r'))
    expect(items.map((item) => [item.id, item.status])).toEqual([
      ['i1', 'passed'],
      ['i2', 'passed'],
      ['i3', 'failed'],
    ])
  })

  it('stops reading output items when the server hands back a cursor twice, and says so', async () => {
    let calls = 0
    const { fetch } = fakeFetch({
      'GET /oa/evals/{eval_id}/runs/{run_id}/output_items': () => {
        calls++
        // Every page claims more and ends on a different item, but the cursor it gives comes back.
        return json({ ...openaiPage([openaiItem(`i${calls}`, 'pass', calls)], true), last_id: 'same' })
      },
    })
    const warnings: string[][] = []
    const evalrun = createEvalrun({
      fetch,
      retry: false,
      datalab: false,
      promptlayer: false,
      humanloop: false,
      openai: { apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:9/oa' },
      onWarning: (message, vendor) => warnings.push([vendor, message]),
    })
    const items = await collect(evalrun.runs.results('openai:e/r'))
    expect(items.map((item) => item.id)).toEqual(['i1', 'i2'])
    expect(warnings).toEqual([
      ['openai', 'OpenAI handed back cursor "same" a second time; listing stopped there.'],
    ])
  })
})
