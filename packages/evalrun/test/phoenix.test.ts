import { collect, fakeFetch, json } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import {
  createEvalrun,
  EvalrunInvalidInputError,
  EvalrunMalformedResponseError,
  EvalrunNotConfiguredError,
  EvalrunNotSupportedError,
} from '../src/index.js'
import { mapPhoenixRun } from '../src/vendors/phoenix/map-run.js'
import { derivePhoenixStatus, phoenixStatusRule } from '../src/vendors/phoenix/map-status.js'
import {
  annotation,
  datasetsPage,
  exampleId,
  experimentsPage,
  exportRecord,
  globalId,
  PHOENIX_DATASET,
  phoenixDataset,
  phoenixExperiment,
} from './fixtures/phoenix.js'

const QUIET = 5 * 60_000
const EXPERIMENT = globalId('Experiment', 7)
const REF = `phoenix:${encodeURIComponent(EXPERIMENT)}`
/** The server's clock, as Phoenix sends it in every response's Date header: ten minutes after the fixtures' changes. */
const SERVER_NOW = 'Fri, 20 Nov 2026 09:10:00 GMT'
const answer = (body: unknown, status = 200) => json(body, { status, headers: { date: SERVER_NOW } })
/** The export as Phoenix's spec declares it (text/plain), or as its server labels it (`application/json`). */
const exportAnswer = (records: unknown, type = 'text/plain') =>
  new Response(typeof records === 'string' ? records : JSON.stringify(records), {
    headers: { 'content-type': type, date: SERVER_NOW },
  })
const BASE = 'http://127.0.0.1:9/phoenix'

const only = (fetch: (request: Request) => Promise<Response>, extra: Record<string, unknown> = {}) =>
  createEvalrun({
    fetch,
    retry: false,
    datalab: false,
    promptlayer: false,
    humanloop: false,
    openai: false,
    braintrust: false,
    langfuse: false,
    phoenix: { apiKey: 'phx-test-key-0001', baseUrl: BASE, ...extra },
    env: {},
  })

const experimentRoute = (experiment = phoenixExperiment(EXPERIMENT)) => ({
  'GET /phoenix/v1/experiments/{id}': () => answer({ data: experiment }),
})

describe('Phoenix experiments as EvalRuns', () => {
  it('maps the dataset as suite and the runs against example_count × repetitions as progress, with the rule said', () => {
    const run = mapPhoenixRun(
      phoenixExperiment(EXPERIMENT, {
        repetitions: 2,
        example_count: 3,
        successful_run_count: 5,
        failed_run_count: 1,
      }),
      {
        now: new Date('2026-11-20T09:10:00Z'),
        quietPeriodMs: QUIET,
        datasetName: 'qa-golden-set',
        summary: null,
      },
    )
    expect(run).toMatchObject({
      ref: REF,
      vendor: 'phoenix',
      id: EXPERIMENT,
      suite: {
        kind: 'dataset',
        id: PHOENIX_DATASET,
        name: 'qa-golden-set',
        ref: `phoenix:${encodeURIComponent(PHOENIX_DATASET)}`,
      },
      // One run failed, and the experiment has been quiet for ten minutes: it ended short of a clean result.
      status: 'failed',
      vendorStatus: null,
      progress: { total: 6, completed: 6, failed: 1 },
      score: null,
      passRate: null,
      createdAt: new Date('2026-11-20T08:59:00Z'),
    })
    expect(run.warnings[0]).toBe(phoenixStatusRule(QUIET))
    expect(run.warnings).toContain('1 of 6 expected runs failed (their task raised an error).')
  })

  it('derives the status from the counts and how long ago the experiment last changed, on the server clock', () => {
    const now = new Date('2026-11-20T09:10:00Z')
    const status = (fields: Parameters<typeof phoenixExperiment>[1], at = now) =>
      derivePhoenixStatus(phoenixExperiment(EXPERIMENT, fields), at, QUIET).status
    expect(status({})).toBe('completed')
    // Recent: whatever the counts, it may still be writing runs or evaluations.
    expect(status({}, new Date('2026-11-20T09:02:00Z'))).toBe('running')
    expect(status({ successful_run_count: 2, missing_run_count: 1 }, new Date('2026-11-20T09:02:00Z'))).toBe(
      'running',
    )
    expect(status({ successful_run_count: 2, missing_run_count: 1 })).toBe('failed')
    // Phoenix's missing_run_count says 0, but 3 × 2 runs were expected and 3 recorded: the shortfall counts.
    expect(status({ repetitions: 2 })).toBe('failed')
    expect(status({ successful_run_count: 2, failed_run_count: 1 })).toBe('failed')
    expect(derivePhoenixStatus({ id: EXPERIMENT }, now, QUIET).status).toBe('unknown')
    expect(status({ updated_at: 'yesterday', created_at: 'soon' } as never)).toBe('unknown')
  })
})

describe('Phoenix listings', () => {
  it('lists every dataset (by cursor), then each dataset’s experiments (by cursor), the dataset’s name on each run', async () => {
    const second = globalId('Dataset', 2)
    const { fetch, requests } = fakeFetch({
      'GET /phoenix/v1/datasets': ({ url }) =>
        url.searchParams.get('cursor') === second
          ? answer(datasetsPage([phoenixDataset(second, { name: 'support-replies' })]))
          : answer(datasetsPage([phoenixDataset()], second)),
      'GET /phoenix/v1/datasets/{id}/experiments': ({ url }) => {
        const dataset = decodeURIComponent(url.pathname.split('/')[4] ?? '')
        if (dataset === second)
          return answer(experimentsPage([phoenixExperiment('RXhwZXJpbWVudDoz', { dataset_id: second })]))
        return url.searchParams.get('cursor') === 'RXhwZXJpbWVudDox'
          ? answer(experimentsPage([phoenixExperiment('RXhwZXJpbWVudDox')]))
          : answer(experimentsPage([phoenixExperiment('RXhwZXJpbWVudDoy')], 'RXhwZXJpbWVudDox'))
      },
    })
    const warnings: string[] = []
    const runs = await collect(only(fetch).runs.list({ onWarning: (message) => warnings.push(message) }))
    // In the order read: the first dataset's experiments page by page, then the next dataset's.
    expect(runs.map((run) => [run.id, run.suite.name])).toEqual([
      ['RXhwZXJpbWVudDoy', 'qa-golden-set'],
      ['RXhwZXJpbWVudDox', 'qa-golden-set'],
      ['RXhwZXJpbWVudDoz', 'support-replies'],
    ])
    expect(requests.map((r) => `${r.url.pathname}?${r.url.searchParams}`)).toEqual([
      '/phoenix/v1/datasets?limit=100',
      `/phoenix/v1/datasets/${PHOENIX_DATASET}/experiments?limit=100`,
      `/phoenix/v1/datasets/${PHOENIX_DATASET}/experiments?limit=100&cursor=RXhwZXJpbWVudDox`,
      `/phoenix/v1/datasets?limit=100&cursor=${encodeURIComponent(second)}`,
      `/phoenix/v1/datasets/${second}/experiments?limit=100`,
    ])
    expect(warnings).toEqual([])
  })

  it('lists one dataset’s experiments for a suite ref, and refuses a malformed one before sending anything', async () => {
    const { fetch, requests } = fakeFetch({
      'GET /phoenix/v1/datasets/{id}': () => answer({ data: phoenixDataset() }),
      'GET /phoenix/v1/datasets/{id}/experiments': () =>
        answer(experimentsPage([phoenixExperiment(EXPERIMENT)])),
    })
    const evalrun = only(fetch)
    const runs = await collect(evalrun.runs.list({ suite: `phoenix:${encodeURIComponent(PHOENIX_DATASET)}` }))
    expect(runs.map((run) => [run.ref, run.suite.name])).toEqual([[REF, 'qa-golden-set']])
    expect(requests.map((r) => r.url.pathname)).toEqual([
      `/phoenix/v1/datasets/${encodeURIComponent(PHOENIX_DATASET)}`,
      `/phoenix/v1/datasets/${encodeURIComponent(PHOENIX_DATASET)}/experiments`,
    ])
    expect(() => evalrun.runs.list({ suite: 'phoenix:%zz' })).toThrow(EvalrunInvalidInputError)
    expect(requests).toHaveLength(2)
  })
})

describe('Phoenix runs and results', () => {
  it('gives a run a score only on the scales the user declared, once it is over', async () => {
    const records = [1, 2, 3].map((row) =>
      exportRecord(row, {
        annotations: [
          annotation('correctness', { score: row === 3 ? 0 : 1, label: row === 3 ? 'incorrect' : 'correct' }),
        ],
      }),
    )
    const { fetch } = fakeFetch({
      ...experimentRoute(),
      'GET /phoenix/v1/experiments/{id}/json': () => exportAnswer(records),
    })
    const undeclared = await only(fetch).runs.get(REF)
    expect(undeclared).toMatchObject({
      status: 'completed',
      score: null,
      scoreScale: null,
      normalizedScore: null,
    })
    expect(
      undeclared.metrics.map((metric) => [metric.name, metric.kind, metric.value, metric.counts]),
    ).toEqual([
      ['correctness', 'numeric', 2 / 3, undefined],
      ['correctness label', 'categorical', null, { correct: 2, incorrect: 1 }],
    ])
    expect(
      undeclared.warnings.some((warning) =>
        warning.startsWith('No run score: the evaluation scores correctness'),
      ),
    ).toBe(true)
    const declared = await only(fetch, { scoreScales: { correctness: { min: 0, max: 1 } } }).runs.get(REF)
    expect(declared).toMatchObject({
      score: 2 / 3,
      scoreScale: { min: 0, max: 1, source: 'config' },
      normalizedScore: 2 / 3,
    })
  })

  it('reads no export for a run still going, and no score from one whose runs are not all judged', async () => {
    const { fetch, requests } = fakeFetch({
      ...experimentRoute(phoenixExperiment(EXPERIMENT, { updated_at: '2026-11-20T09:09:00+00:00' })),
    })
    expect((await only(fetch).runs.get(REF)).status).toBe('running')
    expect(requests.map((r) => r.url.pathname)).toEqual([`/phoenix/v1/experiments/${EXPERIMENT}`])
    const unjudged = fakeFetch({
      ...experimentRoute(),
      'GET /phoenix/v1/experiments/{id}/json': () =>
        exportAnswer([
          exportRecord(1),
          exportRecord(2),
          exportRecord(3, { annotations: [annotation('correctness', { score: 1 })] }),
        ]),
    })
    const run = await only(unjudged.fetch, {
      scoreScales: { correctness: { min: 0, max: 1 }, helpfulness: { min: 0, max: 1 } },
    }).runs.get(REF)
    expect(run).toMatchObject({ status: 'completed', score: null, metrics: [] })
    expect(run.warnings).toContainEqual(
      expect.stringMatching(/^No run score and no metrics: 1 run failed or lack an evaluation/),
    )
  })

  it('yields the runs as items keyed by dataset example, repetitions as one key, never passing an unjudged one', async () => {
    const records = [
      exportRecord(1, { repetition_number: 1 }),
      exportRecord(1, {
        repetition_number: 2,
        annotations: [annotation('correctness', { score: 0, label: 'incorrect' })],
      }),
      exportRecord(2, { error: 'TimeoutError: no answer in 30 s', output: null, annotations: [] }),
      exportRecord(3, {
        annotations: [
          annotation('correctness', { error: 'RateLimitError' }),
          annotation('helpfulness', { score: 5 }),
        ],
      }),
    ]
    const { fetch } = fakeFetch({
      ...experimentRoute(
        phoenixExperiment(EXPERIMENT, {
          repetitions: 2,
          example_count: 2,
          successful_run_count: 3,
          failed_run_count: 1,
        }),
      ),
      'GET /phoenix/v1/experiments/{id}/json': () => exportAnswer(records, 'application/json'),
    })
    const items = await collect(
      only(fetch, { scoreScales: { helpfulness: { min: 1, max: 5 } } }).runs.results(REF),
    )
    expect(items.map((item) => [item.key, item.id, item.status])).toEqual([
      [exampleId(1), `${exampleId(1)}#1`, 'completed'],
      // The experiment is over: an evaluation the other runs have and this one lacks will never come.
      [exampleId(1), `${exampleId(1)}#2`, 'error'],
      [exampleId(2), `${exampleId(2)}#1`, 'error'],
      [exampleId(3), `${exampleId(3)}#1`, 'error'],
    ])
    const [first] = items
    expect(first?.judgements).toEqual([
      { name: 'correctness', kind: 'numeric', value: 1, scale: null, passed: null, normalizedValue: null },
      {
        name: 'correctness label',
        kind: 'categorical',
        value: 'correct',
        scale: null,
        passed: null,
        normalizedValue: null,
      },
      {
        name: 'helpfulness',
        kind: 'numeric',
        value: 4,
        scale: { min: 1, max: 5, source: 'config' },
        passed: null,
        normalizedValue: 0.75,
      },
    ])
    expect(first).toMatchObject({ input: { question: 'question 1' }, output: 'output 1', runRef: REF })
    expect(items[1]?.warnings).toContain(
      'No helpfulness evaluation recorded for this run (other runs of the experiment have one).',
    )
    expect(items[2]?.warnings).toContain('The task failed on this example: TimeoutError: no answer in 30 s')
    expect(items[3]?.warnings).toContain('Evaluator failed: correctness.')
  })

  it('calls an item with a missing evaluation pending while the experiment runs', async () => {
    const { fetch } = fakeFetch({
      ...experimentRoute(
        phoenixExperiment(EXPERIMENT, {
          updated_at: '2026-11-20T09:09:30+00:00',
          successful_run_count: 2,
          missing_run_count: 1,
        }),
      ),
      'GET /phoenix/v1/experiments/{id}/json': () =>
        exportAnswer([exportRecord(1), exportRecord(2, { annotations: [] })]),
    })
    const items = await collect(only(fetch).runs.results(REF))
    expect(items.map((item) => item.status)).toEqual(['completed', 'pending'])
  })

  it('fails typed on an export it cannot read, and says when the export holds fewer runs than counted', async () => {
    for (const [body, problem] of [
      ['<html>login</html>', 'a body that is not JSON where an array of run records was expected'],
      [{ records: [] }, 'a object where an array of run records was expected'],
      [[{ repetition_number: 1, annotations: [] }], 'record 0: example_id is not a non-empty string'],
      [
        [exportRecord(1, { annotations: [{ score: 1 } as never] })],
        'record 0: annotation 0: name is not a non-empty string',
      ],
      [
        [exportRecord(1, { repetition_number: 0 })],
        'record 0: repetition_number is not a whole number of 1 or more',
      ],
    ] as const) {
      const { fetch } = fakeFetch({
        ...experimentRoute(),
        'GET /phoenix/v1/experiments/{id}/json': () => exportAnswer(body),
      })
      const error = await collect(only(fetch).runs.results(REF)).catch((caught: unknown) => caught)
      expect(EvalrunMalformedResponseError.isInstance(error)).toBe(true)
      expect((error as EvalrunMalformedResponseError).problem).toBe(problem)
      expect((error as Error).message).toContain(`GET /v1/experiments/${encodeURIComponent(EXPERIMENT)}/json`)
    }
    const { fetch } = fakeFetch({
      ...experimentRoute(),
      'GET /phoenix/v1/experiments/{id}/json': () => exportAnswer([exportRecord(1)]),
    })
    const warnings: { message: string; stoppedEarly: boolean }[] = []
    const evalrun = only(fetch)
    const items = await collect(
      evalrun.runs.results(REF, {
        onWarning: (message, _vendor, detail) =>
          warnings.push({ message, stoppedEarly: detail?.stoppedEarly === true }),
      }),
    )
    expect(items).toHaveLength(1)
    expect(warnings).toContainEqual({
      message: `Phoenix's export of ${REF} holds 1 runs where the experiment counts 3: its results are incomplete.`,
      stoppedEarly: true,
    })
  })

  it('reads no export for an experiment without runs (Phoenix answers it 404)', async () => {
    const { fetch, requests } = fakeFetch(
      experimentRoute(phoenixExperiment(EXPERIMENT, { successful_run_count: 0, missing_run_count: 3 })),
    )
    expect(await collect(only(fetch).runs.results(REF))).toEqual([])
    expect(requests).toHaveLength(1)
  })
})

describe('Phoenix configuration and what it cannot do', () => {
  it('cannot start or cancel an experiment, and says so naming Phoenix', async () => {
    const { fetch, requests } = fakeFetch()
    const evalrun = only(fetch)
    await expect(evalrun.runs.cancel(REF)).rejects.toThrow(EvalrunNotSupportedError)
    await expect(evalrun.runs.cancel(REF)).rejects.toThrow(/Phoenix/)
    await expect(evalrun.runs.start({ vendor: 'phoenix' } as never)).rejects.toThrow(/Phoenix/)
    expect(requests).toHaveLength(0)
  })

  it('is configured by a key or by a host alone (a server with auth off), unconfigured by neither', async () => {
    const { fetch, requests } = fakeFetch({ 'GET /phoenix/v1/datasets': () => answer(datasetsPage([])) })
    const byHost = createEvalrun({ fetch, env: { PHOENIX_HOST: BASE } })
    expect(byHost.vendors).toContain('phoenix')
    await collect(byHost.runs.list({ vendors: ['phoenix'] }))
    expect(requests[0]?.url.href).toBe(`${BASE}/v1/datasets?limit=100`)
    const unconfigured = createEvalrun({ fetch, env: {} })
    expect(unconfigured.vendors).not.toContain('phoenix')
    const error = (() => {
      try {
        unconfigured.runs.list({ vendors: ['phoenix'] })
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(EvalrunNotConfiguredError)
    expect((error as Error).message).toContain('PHOENIX_API_KEY')
  })

  it('refuses a bad scale or quiet period, naming the option', () => {
    expect(() => only(fakeFetch().fetch, { scoreScales: { correctness: { min: 1, max: 0 } } })).toThrow(
      /phoenix\.scoreScales\.correctness/,
    )
    expect(() => only(fakeFetch().fetch, { scoreScales: [] })).toThrow(/phoenix\.scoreScales/)
    expect(() => only(fakeFetch().fetch, { quietPeriodMs: -1 })).toThrow(/phoenix\.quietPeriodMs/)
  })
})
