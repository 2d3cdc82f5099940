import { collect, fakeFetch, json } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import {
  createEvalrun,
  EvalrunApiError,
  EvalrunInvalidInputError,
  EvalrunNotSupportedError,
  EvalrunOutcomeUnknownError,
} from '../src/index.js'
import { braintrustCaseKey } from '../src/vendors/braintrust/case-key.js'
import { mapBraintrustItem } from '../src/vendors/braintrust/map-item.js'
import { BRAINTRUST_SCORE_RULE } from '../src/vendors/braintrust/map-metrics.js'
import { mapBraintrustRun } from '../src/vendors/braintrust/map-run.js'
import { braintrustStatusRule } from '../src/vendors/braintrust/map-status.js'
import type { BraintrustStartInput } from '../src/vendors/braintrust/types.js'
import {
  braintrustChildEvent,
  braintrustEvent,
  braintrustExperiment,
  braintrustSummary,
  eventPage,
  experimentPage,
  PROJECT_ID,
} from './fixtures/braintrust.js'

const BASE = 'http://127.0.0.1:9/bt'
const RULE = braintrustStatusRule(60_000)
/** Braintrust's clock, one minute and more after the fixture's last event (11:00:05.5). */
const LATER = new Date('2026-01-15T11:01:06.000Z')
const SOON = new Date('2026-01-15T11:00:30.000Z')

const only = (fetch: (request: Request) => Promise<Response>, options: Record<string, unknown> = {}) =>
  createEvalrun({
    fetch,
    retry: false,
    datalab: false,
    promptlayer: false,
    humanloop: false,
    openai: false,
    braintrust: { apiKey: 'sk-bt-test', baseUrl: BASE, ...options },
  })

const withDate = (body: unknown, date: Date) => json(body, { headers: { date: date.toUTCString() } })

const sse = (text: string, cancelled?: { value: boolean }) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text))
        // Left open, as a running eval's stream is.
      },
      cancel() {
        if (cancelled) cancelled.value = true
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  )

const startInput: BraintrustStartInput = {
  vendor: 'braintrust',
  projectId: PROJECT_ID,
  data: { dataset_id: 'b7e0a8c2-1f7d-4a4f-8d6e-0c9e1c1f2a10' },
  task: { function_id: 'f1' },
  scores: [{ global_function: 'Factuality' }],
  experimentName: 'ci',
  baseExperimentId: 'e0',
}

describe('Braintrust experiments as EvalRuns', () => {
  it('maps the score (mean of the scorers), one metric per scorer with diff, improvements and regressions', () => {
    const run = mapBraintrustRun(
      braintrustExperiment('e1'),
      braintrustSummary,
      { newestTrace: [braintrustEvent('ev1')], observedAt: LATER },
      60_000,
    )
    expect(run.ref).toBe('braintrust:e1')
    expect(run.suite).toEqual({
      kind: 'project',
      id: PROJECT_ID,
      name: 'Support bot',
      ref: `braintrust:${PROJECT_ID}`,
    })
    expect(run.score).toBeCloseTo(0.7)
    expect(run.scoreScale).toEqual({ min: 0, max: 1, source: 'declared' })
    expect(run.normalizedScore).toBeCloseTo(0.7)
    expect(run.passRate).toBeNull()
    const declared = { min: 0, max: 1, source: 'declared' }
    expect(run.metrics).toEqual([
      {
        name: 'Factuality',
        kind: 'numeric',
        value: 0.8,
        scale: declared,
        normalizedValue: 0.8,
        passRate: null,
        counts: { improvements: 4, regressions: 1 },
        diff: 0.05,
        source: `${BRAINTRUST_SCORE_RULE}; diff against "main-0"`,
      },
      {
        name: 'Levenshtein',
        kind: 'numeric',
        value: 0.6,
        scale: declared,
        normalizedValue: 0.6,
        passRate: null,
        counts: { improvements: 1, regressions: 3 },
        diff: -0.1,
        source: `${BRAINTRUST_SCORE_RULE}; diff against "main-0"`,
      },
      {
        name: 'duration',
        kind: 'numeric',
        value: 1.7,
        scale: null,
        normalizedValue: null,
        passRate: null,
        counts: { improvements: 2, regressions: 5 },
        diff: 0.2,
        source: 'summarize.metrics (s); diff against "main-0"',
      },
    ])
    expect(run.url).toBe(braintrustSummary.experiment_url)
    expect(run.progress).toEqual({ total: null, completed: null, failed: null })
    expect(run.createdAt?.toISOString()).toBe('2026-01-15T11:00:00.000Z')
  })

  it('derives the status by its rule, says the rule on every run, and keeps vendorStatus null', () => {
    const experiment = braintrustExperiment('e1')
    const trace = [braintrustEvent('ev1'), braintrustChildEvent('ev2', 'ev1')]
    const quiet = mapBraintrustRun(
      experiment,
      braintrustSummary,
      { newestTrace: trace, observedAt: LATER },
      60_000,
    )
    expect(quiet).toMatchObject({ status: 'completed', terminal: true, vendorStatus: null })
    expect(quiet.completedAt?.toISOString()).toBe('2026-01-15T11:00:05.500Z')
    expect(quiet.warnings).toEqual([RULE])
    const busy = mapBraintrustRun(
      experiment,
      braintrustSummary,
      { newestTrace: trace, observedAt: SOON },
      60_000,
    )
    expect(busy).toMatchObject({ status: 'running', terminal: false, vendorStatus: null, completedAt: null })
    expect(busy.warnings).toEqual([RULE])
    // A longer quiet period keeps it running.
    const patient = mapBraintrustRun(experiment, null, { newestTrace: trace, observedAt: LATER }, 120_000)
    expect(patient.status).toBe('running')
    expect(patient.warnings).toEqual([braintrustStatusRule(120_000)])
    expect(patient.score).toBeNull()
  })

  it('before its first event an experiment is judged by its creation; with no time at all, unknown', () => {
    const fresh = braintrustExperiment('e1', { created: '2026-01-15T11:00:50.000Z' })
    expect(mapBraintrustRun(fresh, null, { newestTrace: [], observedAt: SOON }, 60_000).status).toBe(
      'running',
    )
    expect(mapBraintrustRun(fresh, null, { newestTrace: [], observedAt: LATER }, 60_000).status).toBe(
      'running',
    )
    const old = braintrustExperiment('e1', { created: '2026-01-14T11:00:00.000Z' })
    expect(mapBraintrustRun(old, null, { newestTrace: [], observedAt: LATER }, 60_000).status).toBe(
      'completed',
    )
    const timeless = mapBraintrustRun(
      braintrustExperiment('e1', { created: null }),
      null,
      { newestTrace: [], observedAt: LATER },
      60_000,
    )
    expect(timeless.status).toBe('unknown')
    expect(timeless.warnings).toEqual([
      RULE,
      'Neither the experiment nor its events say when they were written; status is unknown.',
    ])
  })

  it('a score outside 0..1 is kept as a metric without a value, left out of the run score, and said', () => {
    const summary = {
      ...braintrustSummary,
      scores: {
        Good: { name: 'Good', score: 0.9, improvements: 0, regressions: 0 },
        Bad: { name: 'Bad', score: 7, improvements: 0, regressions: 0 },
      },
      metrics: null,
    }
    const run = mapBraintrustRun(
      braintrustExperiment('e1', { deleted_at: '2026-01-16T00:00:00Z' }),
      summary,
      { newestTrace: [], observedAt: LATER },
      60_000,
    )
    expect(run.score).toBe(0.9)
    expect(run.metrics.map((m) => [m.name, m.value])).toEqual([
      ['Good', 0.9],
      ['Bad', null],
    ])
    expect(run.warnings).toEqual([
      RULE,
      'Braintrust deleted this experiment at 2026-01-16T00:00:00Z.',
      `Braintrust score "Bad" is 7, not a number in 0..1; it is left out of the run's score.`,
    ])
  })

  it('items: the root event of a case, its input as the case key, scores averaged, errors said', () => {
    const item = mapBraintrustItem(braintrustEvent('ev1'), 'braintrust:e1')
    expect(item).toMatchObject({
      id: 'ev1',
      status: 'completed',
      vendorStatus: null,
      score: 0.75,
      scoreScale: { min: 0, max: 1, source: 'declared' },
      normalizedScore: 0.75,
      key: '{"question":"How do I reset my password?"}',
      name: '{"question":"How do I reset my password?"}',
      input: { question: 'How do I reset my password?' },
      output: 'Use "Forgot password" on the sign-in page.',
      warnings: [],
    })
    const failed = mapBraintrustItem(
      braintrustEvent('ev2', { error: 'RateLimitError: 429', scores: { Factuality: 2 } }),
      'braintrust:e1',
    )
    expect(item.judgements).toEqual([
      {
        name: 'Factuality',
        kind: 'numeric',
        value: 1,
        scale: { min: 0, max: 1, source: 'declared' },
        normalizedValue: 1,
        passed: null,
      },
      {
        name: 'Levenshtein',
        kind: 'numeric',
        value: 0.5,
        scale: { min: 0, max: 1, source: 'declared' },
        normalizedValue: 0.5,
        passed: null,
      },
    ])
    expect(failed.status).toBe('error')
    expect(failed.score).toBeNull()
    expect(failed.judgements).toMatchObject([{ name: 'Factuality', value: 2, scale: null }])
    expect(failed.warnings).toEqual([
      'Score "Factuality" is 2, not a number in 0..1; it is kept without a scale, so the item has no score.',
      'The case errored: RateLimitError: 429',
    ])
    const running = mapBraintrustItem(
      braintrustEvent('ev3', { scores: null, metrics: { start: 1_768_474_804 }, input: null, origin: null }),
      'braintrust:e1',
    )
    expect(running).toMatchObject({ status: 'pending', key: 'ev3', name: null, score: null })
  })

  it('case keys: input as canonical JSON (key order does not matter), long inputs hashed, origin without input', () => {
    expect(braintrustCaseKey({ input: { b: 1, a: [2, { d: 3, c: 4 }] } })).toBe(
      '{"a":[2,{"c":4,"d":3}],"b":1}',
    )
    expect(braintrustCaseKey({ input: { a: [2, { c: 4, d: 3 }], b: 1 } })).toBe(
      '{"a":[2,{"c":4,"d":3}],"b":1}',
    )
    const long = braintrustCaseKey({ input: 'x'.repeat(500) })
    expect(long).toMatch(/^input#[0-9a-f]{16}$/)
    expect(braintrustCaseKey({ input: 'x'.repeat(500) })).toBe(long)
    expect(braintrustCaseKey({ input: 'y'.repeat(500) })).not.toBe(long)
    expect(
      braintrustCaseKey({ input: null, origin: { object_type: 'dataset', object_id: 'd1', id: 'rec1' } }),
    ).toBe('dataset:d1/rec1')
    expect(braintrustCaseKey({})).toBeNull()
  })
})

describe('the Braintrust adapter', () => {
  it('lists experiments by starting_after until an empty page, each with its summary and newest trace', async () => {
    const pages: Record<string, ReturnType<typeof braintrustExperiment>[]> = {
      '': [braintrustExperiment('e3'), braintrustExperiment('e2')],
      e2: [braintrustExperiment('e1')],
      e1: [],
    }
    const { fetch, requests } = fakeFetch({
      'GET /bt/v1/experiment': ({ url }) =>
        json(experimentPage(pages[url.searchParams.get('starting_after') ?? ''] ?? [])),
      'GET /bt/v1/experiment/{id}/summarize': () => json(braintrustSummary),
      'POST /bt/v1/experiment/{id}/fetch': () => withDate(eventPage([braintrustEvent('ev1')], 'c1'), LATER),
    })
    const runs = await collect(only(fetch).runs.list())
    expect(runs.map((run) => [run.ref, run.status, run.score])).toEqual([
      ['braintrust:e3', 'completed', 0.7],
      ['braintrust:e2', 'completed', 0.7],
      ['braintrust:e1', 'completed', 0.7],
    ])
    const lists = requests.filter((r) => r.url.pathname === '/bt/v1/experiment')
    expect(lists.map((r) => r.url.search)).toEqual([
      '?limit=100',
      '?limit=100&starting_after=e2',
      '?limit=100&starting_after=e1',
    ])
    const summaries = requests.filter((r) => r.url.pathname.endsWith('/summarize'))
    expect(summaries.map((r) => r.url.search)).toEqual(Array(3).fill('?summarize_scores=true'))
    const fetches = requests.filter((r) => r.url.pathname.endsWith('/fetch'))
    expect(fetches.map((r) => r.body)).toEqual(Array(3).fill({ limit: 1 }))
  })

  it("lists one project's experiments, and stops at the first older than `since` without reading its details", async () => {
    const { fetch, requests } = fakeFetch({
      'GET /bt/v1/experiment': () =>
        json(
          experimentPage([
            braintrustExperiment('e2', { created: '2026-01-15T11:00:00Z' }),
            braintrustExperiment('e1', { created: '2026-01-01T00:00:00Z' }),
          ]),
        ),
      'GET /bt/v1/experiment/{id}/summarize': () => json(braintrustSummary),
      'POST /bt/v1/experiment/{id}/fetch': () => withDate(eventPage([], null), LATER),
    })
    const runs = await collect(
      only(fetch).runs.list({ suite: `braintrust:${PROJECT_ID}`, since: new Date('2026-01-10T00:00:00Z') }),
    )
    expect(runs.map((run) => run.ref)).toEqual(['braintrust:e2'])
    expect(requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      `GET /bt/v1/experiment?limit=100&project_id=${PROJECT_ID}`,
      'GET /bt/v1/experiment/e2/summarize?summarize_scores=true',
      'POST /bt/v1/experiment/e2/fetch',
    ])
  })

  it('gets one experiment by Braintrust’s clock; cancel is not supported and sends nothing', async () => {
    const { fetch, requests } = fakeFetch({
      'GET /bt/v1/experiment/{id}': () => json(braintrustExperiment('e1')),
      'GET /bt/v1/experiment/{id}/summarize': () => json(braintrustSummary),
      'POST /bt/v1/experiment/{id}/fetch': () => withDate(eventPage([braintrustEvent('ev1')], 'c1'), SOON),
    })
    const evalrun = only(fetch)
    const run = await evalrun.runs.get('braintrust:e1')
    expect(run).toMatchObject({ status: 'running', score: 0.7, vendorStatus: null })
    const sent = requests.length
    const error = await evalrun.runs.cancel('braintrust:e1').catch((e: unknown) => e)
    expect(EvalrunNotSupportedError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ vendor: 'braintrust', operation: 'cancel' })
    expect(requests.length).toBe(sent)
    for (const ref of ['braintrust:e1/x', 'braintrust:e%zz']) {
      const bad = await evalrun.runs.get(ref).catch((e: unknown) => e)
      expect(EvalrunInvalidInputError.isInstance(bad), ref).toBe(true)
    }
  })

  it('starts an eval as a stream, returns once the start event names the experiment, and closes the stream', async () => {
    const cancelled = { value: false }
    const { fetch, requests } = fakeFetch({
      'POST /bt/v1/eval': () =>
        sse(
          `event: start\ndata: ${JSON.stringify({ experimentId: 'e9', experimentName: 'ci', projectName: 'Support bot' })}\n\n`,
          cancelled,
        ),
      'GET /bt/v1/experiment/{id}': () => json(braintrustExperiment('e9', { created: SOON.toISOString() })),
      'GET /bt/v1/experiment/{id}/summarize': () =>
        json({ ...braintrustSummary, scores: null, metrics: null }),
      'POST /bt/v1/experiment/{id}/fetch': () => withDate(eventPage([], null), SOON),
    })
    const run = await only(fetch).runs.start(startInput)
    expect(run).toMatchObject({ ref: 'braintrust:e9', status: 'running', score: null })
    expect(cancelled.value).toBe(true)
    const launch = requests.find((r) => r.url.pathname === '/bt/v1/eval')
    expect(launch?.body).toEqual({
      project_id: PROJECT_ID,
      data: startInput.data,
      task: startInput.task,
      scores: startInput.scores,
      stream: true,
      experiment_name: 'ci',
      base_experiment_id: 'e0',
    })
  })

  it('finds the experiment by name when the start event gives no id; says an error event; an answer with no start is an unknown outcome', async () => {
    const { fetch } = fakeFetch({
      'POST /bt/v1/eval': () =>
        sse(`event: progress\ndata: {}\n\nevent: start\ndata: {"experimentName":"ci-2"}\n\n`),
      'GET /bt/v1/experiment': ({ url }) =>
        json(
          experimentPage(
            url.searchParams.get('experiment_name') === 'ci-2' ? [braintrustExperiment('e7')] : [],
          ),
        ),
      'GET /bt/v1/experiment/{id}': () => json(braintrustExperiment('e7')),
      'GET /bt/v1/experiment/{id}/summarize': () => json(braintrustSummary),
      'POST /bt/v1/experiment/{id}/fetch': () => withDate(eventPage([], null), LATER),
    })
    expect((await only(fetch).runs.start(startInput)).ref).toBe('braintrust:e7')

    const failing = fakeFetch({
      'POST /bt/v1/eval': () => sse('event: error\ndata: "Dataset not found"\n\n'),
    })
    const error = await only(failing.fetch)
      .runs.start(startInput)
      .catch((e: unknown) => e)
    expect(EvalrunApiError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('Dataset not found')

    const silent = fakeFetch({ 'POST /bt/v1/eval': () => sse('event: done\ndata: \n\n') })
    const unknown = await only(silent.fetch)
      .runs.start(startInput)
      .catch((e: unknown) => e)
    expect(EvalrunOutcomeUnknownError.isInstance(unknown)).toBe(true)
    expect((unknown as Error).message).toContain(`Check in Braintrust (project ${PROJECT_ID})`)
  })

  it('checks the start input before sending anything', async () => {
    const { fetch, requests } = fakeFetch()
    const evalrun = only(fetch)
    for (const [input, field] of [
      [{ ...startInput, projectId: '' }, 'input.projectId'],
      [{ ...startInput, data: { rows: [] } }, 'input.data'],
      [{ ...startInput, data: { data: [] } }, 'input.data.data'],
      [{ ...startInput, data: { project_name: 'p' } }, 'input.data.dataset_name'],
      [{ ...startInput, task: { name: 'my task' } }, 'input.task'],
      [{ ...startInput, scores: [] }, 'input.scores'],
      [{ ...startInput, scores: [{ global_function: '' }] }, 'input.scores[0].global_function'],
      [{ ...startInput, trialCount: 0 }, 'input.trialCount'],
      [{ ...startInput, maxDurationMs: -1 }, 'input.maxDurationMs'],
      [{ ...startInput, tags: ['ok', 3] }, 'input.tags'],
      [{ ...startInput, stream: false }, 'input.stream'],
    ] as const) {
      const error = await evalrun.runs.start(input as never).catch((e: unknown) => e)
      expect(EvalrunInvalidInputError.isInstance(error), field).toBe(true)
      expect((error as EvalrunInvalidInputError).field).toBe(field)
    }
    expect(requests).toEqual([])
    expect(() => only(fetch, { quietPeriodMs: 0 })).toThrow(/quietPeriodMs/)
  })

  it('reads the test cases by cursor: root events only, each once though later pages repeat them', async () => {
    const { fetch, requests } = fakeFetch({
      'POST /bt/v1/experiment/{id}/fetch': ({ body }) => {
        const cursor = (body as { cursor?: string }).cursor
        if (cursor === undefined)
          return json(
            eventPage([braintrustEvent('a'), braintrustChildEvent('a1', 'a'), braintrustEvent('b')], 'c1'),
          )
        if (cursor === 'c1')
          // `b` again, in an older version, as the spec warns later pages may send it.
          return json(
            eventPage([braintrustEvent('b', { scores: { Factuality: 0 } }), braintrustEvent('c')], 'c2'),
          )
        return json(eventPage([], null))
      },
    })
    const items = await collect(only(fetch).runs.results('braintrust:e1'))
    expect(items.map((item) => [item.id, item.score])).toEqual([
      ['a', 0.75],
      ['b', 0.75],
      ['c', 0.75],
    ])
    expect(items.every((item) => item.runRef === 'braintrust:e1')).toBe(true)
    expect(requests.map((r) => r.body)).toEqual([
      { limit: 100 },
      { limit: 100, cursor: 'c1' },
      { limit: 100, cursor: 'c2' },
    ])
  })
})
