import { collect, fakeFetch, json } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import {
  createEvalrun,
  EvalrunInvalidInputError,
  EvalrunNotFoundError,
  EvalrunNotSupportedError,
} from '../src/index.js'
import { mapLangfuseItem } from '../src/vendors/langfuse/map-item.js'
import { mapLangfuseJudgement } from '../src/vendors/langfuse/map-judgement.js'
import { mapLangfuseMetrics } from '../src/vendors/langfuse/map-metrics.js'
import { mapLangfuseRun } from '../src/vendors/langfuse/map-run.js'
import { mapLangfuseScoreConfigs, UNKNOWN_SCALES } from '../src/vendors/langfuse/map-score-configs.js'
import { langfuseStatusRule } from '../src/vendors/langfuse/map-status.js'
import { LANGFUSE_SCORE_RULE } from '../src/vendors/langfuse/score-rule.js'
import {
  booleanScore,
  categoricalScore,
  experimentsPage,
  itemsPage,
  LANGFUSE_DATASET,
  langfuseConfig,
  langfuseConfigsPage,
  langfuseExperiment,
  langfuseItem,
  numericScore,
  textScore,
} from './fixtures/langfuse.js'

const QUIET = 5 * 60_000
const context = (now = '2026-11-20T09:00:00.000Z') => ({
  scales: mapLangfuseScoreConfigs([langfuseConfig('avg_correctness'), langfuseConfig('correctness')]),
  now: new Date(now),
  quietPeriodMs: QUIET,
})
/** The server's clock, as Langfuse sends it in every response's Date header. */
const SERVER_NOW = 'Fri, 27 Nov 2026 12:00:00 GMT'
const answer = (body: unknown, status = 200) => json(body, { status, headers: { date: SERVER_NOW } })

const only = (fetch: (request: Request) => Promise<Response>, extra: Record<string, unknown> = {}) =>
  createEvalrun({
    fetch,
    retry: false,
    datalab: false,
    promptlayer: false,
    humanloop: false,
    openai: false,
    langfuse: {
      publicKey: 'pk-lf-test',
      secretKey: 'sk-lf-test',
      baseUrl: 'http://127.0.0.1:9/lf',
      ...extra,
    },
  })

describe('Langfuse experiments as EvalRuns', () => {
  it('maps the dataset as suite, the item count as progress, experiment scores as metrics and the one numeric score as score', () => {
    const run = mapLangfuseRun(
      langfuseExperiment('exp_1', {
        scores: [numericScore('avg_correctness', 0.82), categoricalScore('verdict', 'ship')],
      }),
      context(),
    )
    expect(run).toMatchObject({
      ref: 'langfuse:exp_1',
      vendor: 'langfuse',
      id: 'exp_1',
      name: 'support-bot gpt-4o exp_1',
      suite: { kind: 'dataset', id: LANGFUSE_DATASET, name: null, ref: `langfuse:${LANGFUSE_DATASET}` },
      status: 'completed',
      vendorStatus: null,
      terminal: true,
      progress: { total: null, completed: 12, failed: null },
      score: 0.82,
      // avg_correctness has a score config bounding it to 0..1.
      scoreScale: { min: 0, max: 1, source: 'config' },
      normalizedScore: 0.82,
      // No boolean experiment score: no verdicts of its own (the gate counts the items').
      passRate: null,
      url: null,
    })
    expect(run.createdAt?.toISOString()).toBe('2026-11-20T08:00:00.000Z')
    expect(run.startedAt?.toISOString()).toBe('2026-11-20T08:00:00.000Z')
    expect(run.completedAt?.toISOString()).toBe('2026-11-20T08:04:30.000Z')
    expect(run.metrics).toEqual([
      {
        name: 'avg_correctness',
        kind: 'numeric',
        value: 0.82,
        scale: { min: 0, max: 1, source: 'config' },
        normalizedValue: 0.82,
        passRate: null,
        total: 1,
        source: 'experiment scores',
      },
      {
        name: 'verdict',
        kind: 'categorical',
        value: null,
        scale: null,
        normalizedValue: null,
        passRate: null,
        counts: { ship: 1 },
        total: 1,
        source: 'experiment scores',
      },
    ])
    // No status upstream: the rule is said on every run.
    expect(run.warnings).toEqual([langfuseStatusRule(QUIET)])
  })

  it('derives the status: completed with experiment scores, else by how long the experiment has been quiet', () => {
    const unscored = langfuseExperiment('exp_2', { scores: [], endTime: '2026-11-20T08:58:00.000Z' })
    const justNow = mapLangfuseRun(unscored, context('2026-11-20T09:00:00.000Z'))
    expect(justNow).toMatchObject({ status: 'running', terminal: false, completedAt: null, score: null })
    const later = mapLangfuseRun(unscored, context('2026-11-20T09:03:00.000Z'))
    expect(later.status).toBe('completed')
    expect(later.completedAt?.toISOString()).toBe('2026-11-20T08:58:00.000Z')
    // Scored: over, however recent its last event.
    expect(mapLangfuseRun({ ...unscored, scores: [numericScore('x', 1)] }, context()).status).toBe(
      'completed',
    )
  })

  it('an experiment without endTime or scores has an unknown status, with a warning; bad values never throw', () => {
    const run = mapLangfuseRun({ id: 'exp_3', startTime: 'yesterday' }, context())
    expect(run.status).toBe('unknown')
    expect(run.warnings).toContain(
      'The experiment has no endTime and no experiment-level scores: its status is unknown.',
    )
    expect(run.warnings).toContain('startTime is "yesterday", not a valid ISO 8601 date; it is left null.')
    expect(run.warnings).toContain('The experiment belongs to no dataset: its suite is empty.')
    for (const odd of [null, 3, 'x', [], { scores: 'many' }])
      expect(() => mapLangfuseRun(odd, context())).not.toThrow()
  })

  it('never averages scores that may not share a scale into a run score; scores on one known scale it does', () => {
    const two = mapLangfuseRun(
      langfuseExperiment('exp_4', {
        scores: [numericScore('avg_correctness', 0.8), numericScore('avg_latency_s', 2.4)],
      }),
      context(),
    )
    expect(two.score).toBeNull()
    expect(two.warnings).toContain(
      `No run score: the experiment scores avg_correctness, avg_latency_s are not on one known scale; each is a metric. Rule: ${LANGFUSE_SCORE_RULE}.`,
    )
    // Two names on one known scale (both bounded 0..1 by score configs, or a verdict): the mean of their means.
    const sameScale = mapLangfuseRun(
      langfuseExperiment('exp_7', {
        scores: [
          numericScore('avg_correctness', 0.8),
          numericScore('correctness', 0.6),
          booleanScore('safe', true),
        ],
      }),
      context(),
    )
    expect(sameScale.score).toBeCloseTo((0.8 + 0.6 + 1) / 3)
    const verdicts = mapLangfuseRun(
      langfuseExperiment('exp_5', {
        scores: [booleanScore('safe', true), booleanScore('on_topic', false), booleanScore('cites', true)],
      }),
      context(),
    )
    expect(verdicts.score).toBeCloseTo(2 / 3)
    // Boolean experiment scores are verdicts: the run's pass rate, and metrics on the 0..1 rate scale.
    expect(verdicts.passRate).toBeCloseTo(2 / 3)
    expect(verdicts.scoreScale).toEqual({ min: 0, max: 1, source: 'computed' })
    expect(verdicts.metrics.map((metric) => [metric.name, metric.passRate])).toEqual([
      ['safe', 1],
      ['on_topic', 0],
      ['cites', 1],
    ])
    const repeated = mapLangfuseRun(
      langfuseExperiment('exp_6', {
        scores: [numericScore('avg_correctness', 0.6, 'a'), numericScore('avg_correctness', 0.8, 'b')],
      }),
      context(),
    )
    expect(repeated.score).toBeCloseTo(0.7)
    expect(repeated.metrics).toEqual([
      expect.objectContaining({ name: 'avg_correctness', kind: 'numeric', value: 0.7, total: 2 }),
    ])
  })
})

describe('Langfuse scores', () => {
  it('types each score by its data type; TEXT and CORRECTION are left out; an unknown type is a warning', () => {
    const scales = mapLangfuseScoreConfigs([langfuseConfig('correctness')])
    const warnings: string[] = []
    expect(mapLangfuseJudgement(numericScore('correctness', 0.5), scales, warnings)).toEqual({
      name: 'correctness',
      kind: 'numeric',
      value: 0.5,
      scale: { min: 0, max: 1, source: 'config' },
      passed: null,
    })
    expect(mapLangfuseJudgement(numericScore('latency', 3), scales, warnings)?.scale).toBeNull()
    expect(mapLangfuseJudgement(booleanScore('exact_match', false), scales, warnings)).toEqual({
      name: 'exact_match',
      kind: 'boolean',
      value: false,
      scale: { min: 0, max: 1, source: 'computed' },
      passed: false,
    })
    // Langfuse's older score APIs send booleans as 1 and 0.
    expect(mapLangfuseJudgement({ ...booleanScore('x', true), value: 1 }, scales, warnings)?.passed).toBe(
      true,
    )
    expect(mapLangfuseJudgement(categoricalScore('tone', 'curt'), scales, warnings)).toMatchObject({
      kind: 'categorical',
      value: 'curt',
      passed: null,
    })
    expect(mapLangfuseJudgement(textScore('note', 'fine'), scales, warnings)).toBeNull()
    expect(
      mapLangfuseJudgement({ ...textScore('fix', 'x'), dataType: 'CORRECTION' }, scales, warnings),
    ).toBeNull()
    expect(warnings).toEqual([])
    expect(
      mapLangfuseJudgement({ name: 'vibes', dataType: 'EMOJI', value: '🙂' }, scales, warnings),
    ).toBeNull()
    expect(warnings).toEqual([
      'Score "vibes" has data type "EMOJI", which evalrun does not know; it is left out.',
    ])
  })

  it('takes a numeric scale from score configs only when bounded on both sides and agreed on', () => {
    const scales = mapLangfuseScoreConfigs([
      langfuseConfig('bounded', { minValue: 1, maxValue: 5 }),
      langfuseConfig('open_top', { minValue: 0, maxValue: null }),
      langfuseConfig('twice', { minValue: 0, maxValue: 1 }),
      langfuseConfig('twice', { id: 'cfg_twice_2', minValue: 0, maxValue: 1, isArchived: true }),
      langfuseConfig('disputed', { minValue: 0, maxValue: 1 }),
      langfuseConfig('disputed', { id: 'cfg_disputed_2', minValue: 0, maxValue: 100 }),
      langfuseConfig('flag', { dataType: 'BOOLEAN', minValue: 0, maxValue: 1 }),
      'not a config',
    ])
    expect(scales.numeric('bounded')).toEqual({ min: 1, max: 5, source: 'config' })
    expect(scales.numeric('twice')).toEqual({ min: 0, max: 1, source: 'config' })
    for (const name of ['open_top', 'disputed', 'flag', 'unknown']) expect(scales.numeric(name)).toBeNull()
  })

  it('aggregates judgements by name: numeric mean, boolean share of true with counts, categorical counts', () => {
    const warnings: string[] = []
    const judgements = [
      numericScore('correctness', 0.5, 'a'),
      numericScore('correctness', 1, 'b'),
      booleanScore('exact_match', true, 'c'),
      booleanScore('exact_match', false, 'd'),
      booleanScore('exact_match', true, 'e'),
      categoricalScore('tone', 'friendly', 'f'),
      categoricalScore('tone', 'curt', 'g'),
      categoricalScore('tone', 'friendly', 'h'),
    ].map((score) => mapLangfuseJudgement(score, UNKNOWN_SCALES, warnings))
    expect(mapLangfuseMetrics(judgements.filter((j) => j !== null))).toEqual([
      {
        name: 'correctness',
        kind: 'numeric',
        value: 0.75,
        scale: null,
        total: 2,
        source: 'experiment scores',
      },
      {
        name: 'exact_match',
        kind: 'boolean',
        value: 2 / 3,
        counts: { true: 2, false: 1 },
        total: 3,
        source: 'experiment scores',
      },
      {
        name: 'tone',
        kind: 'categorical',
        value: null,
        scale: null,
        counts: { friendly: 2, curt: 1 },
        total: 3,
        source: 'experiment scores',
      },
    ])
  })
})

describe('Langfuse experiment items as EvalItems', () => {
  const scales = mapLangfuseScoreConfigs([langfuseConfig('correctness')])

  it('names an item by its dataset item (experimentItemId), the key two experiments of a dataset share', () => {
    const item = mapLangfuseItem(langfuseItem('obs_1'), 'langfuse:exp_1', scales)
    expect(item).toMatchObject({
      runRef: 'langfuse:exp_1',
      vendor: 'langfuse',
      id: 'obs_1',
      key: 'dsi_obs_1',
      name: 'dsi_obs_1',
      // One verdict, true: passed. Correctness (0..1 by its config) and a verdict share a range: their mean.
      status: 'passed',
      vendorStatus: null,
      score: 0.95,
      scoreScale: { min: 0, max: 1, source: 'computed' },
      normalizedScore: 0.95,
      input: { question: 'How do I reset my password?' },
      output: 'Use "Forgot password" on the sign-in page.',
      warnings: [],
    })
    expect(item.judgements).toEqual([
      {
        name: 'correctness',
        kind: 'numeric',
        value: 0.9,
        scale: { min: 0, max: 1, source: 'config' },
        normalizedValue: 0.9,
        passed: null,
      },
      {
        name: 'exact_match',
        kind: 'boolean',
        value: true,
        scale: { min: 0, max: 1, source: 'computed' },
        normalizedValue: 1,
        passed: true,
      },
      {
        name: 'tone',
        kind: 'categorical',
        value: 'friendly',
        scale: null,
        normalizedValue: null,
        passed: null,
      },
    ])
  })

  it.each([
    ['error level', { level: 'ERROR' as const }, 'error'],
    ['no endTime yet', { endTime: null }, 'pending'],
    [
      'a false verdict',
      { scores: [booleanScore('exact_match', false), booleanScore('safe', true)] },
      'failed',
    ],
    ['numeric scores only', { scores: [numericScore('correctness', 0.4)] }, 'completed'],
    ['no scores', { scores: [] }, 'completed'],
  ])('%s → %s', (_what, overrides, status) => {
    expect(mapLangfuseItem(langfuseItem('obs', overrides), 'langfuse:exp_1', scales).status).toBe(status)
  })

  it('scores an item by its one numeric score, its verdicts, or nothing when its scores share no scale', () => {
    const unbounded = mapLangfuseItem(
      langfuseItem('c', { scores: [numericScore('correctness', 0.4), numericScore('latency_s', 2.5)] }),
      'r',
      scales,
    )
    expect(unbounded.score).toBeNull()
    const one = mapLangfuseItem(
      langfuseItem('a', { scores: [numericScore('correctness', 0.4)] }),
      'r',
      scales,
    )
    expect(one.score).toBe(0.4)
    const verdicts = mapLangfuseItem(
      langfuseItem('b', {
        scores: [booleanScore('x', true), booleanScore('y', false), categoricalScore('t', 'a')],
      }),
      'r',
      scales,
    )
    expect(verdicts.score).toBe(0.5)
  })

  it('warns about an odd level, a missing dataset item and scores cut at 50; never throws', () => {
    const item = mapLangfuseItem(
      {
        ...langfuseItem('c'),
        level: 'FATAL',
        experimentItemId: undefined,
        scores: Array.from({ length: 50 }, (_, i) => numericScore('correctness', i / 50, `s${i}`)),
      },
      'r',
      scales,
    )
    expect([item.name, item.key]).toEqual([null, 'c'])
    expect(item.warnings).toEqual([
      'The experiment item names no dataset item (experimentItemId); its key is its own id.',
      'Observation level "FATAL" is not one Langfuse documents.',
      'Langfuse returned 50 scores for this item, its most: there may be more.',
    ])
    for (const odd of [null, 1, 'x', { scores: [null, 'x'] }])
      expect(() => mapLangfuseItem(odd, 'r', scales)).not.toThrow()
  })
})

describe('the Langfuse adapter', () => {
  const configs = () => answer(langfuseConfigsPage([langfuseConfig('avg_correctness')]))

  it("lists the last 30 days on Langfuse's clock without `since`, says so, pages by cursor and leaves out experiments clipped at the window", async () => {
    const pages: Record<string, ReturnType<typeof experimentsPage>> = {
      first: experimentsPage(
        [
          langfuseExperiment('exp_new', { startTime: '2026-11-26T10:00:00.000Z' }),
          // Began before the window: Langfuse clips its start to the window's first instant.
          langfuseExperiment('exp_clipped', { startTime: '2026-10-28T11:59:59.999Z' }),
        ],
        'cursor-2',
      ),
      'cursor-2': experimentsPage([langfuseExperiment('exp_old', { startTime: '2026-10-30T10:00:00.000Z' })]),
    }
    const { fetch, requests } = fakeFetch({
      'GET /lf/api/public/score-configs': configs,
      'GET /lf/api/public/experiments': ({ url }) => answer(pages[url.searchParams.get('cursor') ?? 'first']),
    })
    const warnings: string[] = []
    const runs = await collect(only(fetch).runs.list({ onWarning: (message) => warnings.push(message) }))
    expect(runs.map((run) => run.ref)).toEqual(['langfuse:exp_new', 'langfuse:exp_old'])
    expect(requests.map((r) => r.url.pathname)).toEqual([
      '/lf/api/public/score-configs',
      '/lf/api/public/experiments',
      '/lf/api/public/experiments',
    ])
    const first = requests[1]?.url.searchParams
    expect(first?.get('fromStartTime')).toBe('2026-10-28T11:59:59.999Z')
    expect(first?.get('fields')).toBe('core,metadata,scores')
    expect(first?.get('limit')).toBe('100')
    expect(requests[2]?.url.searchParams.get('cursor')).toBe('cursor-2')
    expect(warnings).toEqual([
      "Langfuse lists experiments from a start time: without `since`, this listing covers those started in the last 30 days (since 2026-10-28T12:00:00.000Z, on Langfuse's clock). Pass `since` (the CLI's --since) to look further back, or set langfuse.listWindowDays.",
    ])
  })

  it('asks from `since`, filters by dataset for a suite, and sends an id holding a comma as a structured filter', async () => {
    const { fetch, requests } = fakeFetch({
      'GET /lf/api/public/score-configs': configs,
      'GET /lf/api/public/experiments': () => answer(experimentsPage([])),
    })
    const warnings: string[] = []
    const evalrun = only(fetch, { listWindowDays: 7 })
    await collect(
      evalrun.runs.list({
        since: '2026-11-01',
        suite: `langfuse:${LANGFUSE_DATASET}`,
        onWarning: (m) => warnings.push(m),
      }),
    )
    expect(warnings).toEqual([])
    const listed = requests.find((r) => r.url.pathname.endsWith('/experiments'))?.url.searchParams
    expect(listed?.get('fromStartTime')).toBe('2026-10-31T23:59:59.999Z')
    expect(listed?.get('datasetId')).toBe(LANGFUSE_DATASET)
    await collect(evalrun.runs.list({ suite: 'langfuse:ds%2Cweird', onWarning: () => {} }))
    const filtered = requests.at(-1)?.url.searchParams
    expect(filtered?.get('datasetId')).toBeNull()
    expect(JSON.parse(filtered?.get('filter') ?? '')).toEqual([
      { type: 'string', column: 'datasetId', operator: '=', value: 'ds,weird' },
    ])
  })

  it('reads one experiment whenever it started, by id; an unknown one is not found', async () => {
    const { fetch, requests } = fakeFetch({
      'GET /lf/api/public/score-configs': configs,
      'GET /lf/api/public/experiments': ({ url }) =>
        answer(experimentsPage(url.searchParams.get('id') === 'exp_1' ? [langfuseExperiment('exp_1')] : [])),
    })
    const evalrun = only(fetch)
    const run = await evalrun.runs.get('langfuse:exp_1')
    expect(run.score).toBe(0.82)
    const query = requests.find((r) => r.url.pathname.endsWith('/experiments'))?.url.searchParams
    expect(query?.get('fromStartTime')).toBe('1970-01-01T00:00:00.000Z')
    expect(query?.get('id')).toBe('exp_1')
    const missing = await evalrun.runs.get('langfuse:exp_gone').catch((e: unknown) => e)
    expect(EvalrunNotFoundError.isInstance(missing)).toBe(true)
    expect((missing as EvalrunNotFoundError).ref).toBe('langfuse:exp_gone')
  })

  it("judges a run's status on the server's clock, not this machine's", async () => {
    // Langfuse's clock says 09:01, two minutes after the experiment's last event: still running.
    const { fetch } = fakeFetch({
      'GET /lf/api/public/score-configs': () =>
        json(langfuseConfigsPage([]), { headers: { date: 'Fri, 20 Nov 2026 09:01:00 GMT' } }),
      'GET /lf/api/public/experiments': () =>
        json(
          experimentsPage([langfuseExperiment('exp_1', { scores: [], endTime: '2026-11-20T08:59:00.000Z' })]),
          {
            headers: { date: 'Fri, 20 Nov 2026 09:01:00 GMT' },
          },
        ),
    })
    expect((await only(fetch).runs.get('langfuse:exp_1')).status).toBe('running')
  })

  it("pages a run's items with their scores; an experiment with none that does not exist is not found", async () => {
    const { fetch, requests } = fakeFetch({
      'GET /lf/api/public/score-configs': configs,
      'GET /lf/api/public/experiment-items': ({ url }) =>
        url.searchParams.get('experimentId') !== 'exp_1'
          ? answer(itemsPage([]))
          : url.searchParams.get('cursor') === null
            ? answer(itemsPage([langfuseItem('obs_1'), langfuseItem('obs_2')], 'next'))
            : answer(itemsPage([langfuseItem('obs_3', { level: 'ERROR' })])),
      'GET /lf/api/public/experiments': () => answer(experimentsPage([])),
    })
    const evalrun = only(fetch)
    const items = await collect(evalrun.runs.results('langfuse:exp_1'))
    expect(items.map((item) => [item.name, item.status])).toEqual([
      ['dsi_obs_1', 'passed'],
      ['dsi_obs_2', 'passed'],
      ['dsi_obs_3', 'error'],
    ])
    const query = requests.find((r) => r.url.pathname.endsWith('/experiment-items'))?.url.searchParams
    expect(query?.get('fields')).toBe('core,dataset,io,scores')
    expect(query?.get('fromStartTime')).toBe('1970-01-01T00:00:00.000Z')
    expect(query?.get('scoreLimit')).toBe('50')
    const missing = await collect(evalrun.runs.results('langfuse:exp_gone')).catch((e: unknown) => e)
    expect(EvalrunNotFoundError.isInstance(missing)).toBe(true)
  })

  it('says a _deprecation notice once per operation, and a failed score-config read, without failing', async () => {
    const notice = { message: 'This endpoint is deprecated.', replacement: 'GET /api/public/v2/experiments' }
    const { fetch } = fakeFetch({
      'GET /lf/api/public/score-configs': () => answer({ message: 'Forbidden' }, 403),
      'GET /lf/api/public/experiments': ({ url }) =>
        answer({
          ...experimentsPage(
            [langfuseExperiment(url.searchParams.get('cursor') ?? 'exp_1')],
            url.searchParams.get('cursor') ? undefined : 'exp_2',
          ),
          _deprecation: notice,
        }),
    })
    const warnings: string[] = []
    const runs = await collect(
      only(fetch).runs.list({ since: '2026-11-01', onWarning: (message) => warnings.push(message) }),
    )
    expect(runs).toHaveLength(2)
    expect(warnings).toEqual([
      'Score configs could not be read (Langfuse answered 403 to GET /api/public/score-configs: Forbidden); numeric scores have no known scale.',
      'Langfuse says this endpoint is deprecated: This endpoint is deprecated. (use GET /api/public/v2/experiments instead)',
    ])
    const run = await only(fetch).runs.get('langfuse:exp_1')
    expect(run.warnings).toContain(
      'Langfuse says this endpoint is deprecated: This endpoint is deprecated. (use GET /api/public/v2/experiments instead)',
    )
  })

  it('a score-config read shared by two calls: a failure is a warning for each, a stop by one does not stop the other', async () => {
    const { fetch } = fakeFetch({
      'GET /lf/api/public/score-configs': () => answer({ message: 'Unavailable' }, 503),
      'GET /lf/api/public/experiments': ({ url }) =>
        answer(experimentsPage([langfuseExperiment(url.searchParams.get('id') ?? 'exp_1')])),
    })
    const evalrun = only(fetch)
    const [first, second] = await Promise.all([
      evalrun.runs.get('langfuse:exp_1'),
      evalrun.runs.get('langfuse:exp_2'),
    ])
    for (const run of [first, second]) {
      expect(run.warnings).toContain(
        'Score configs could not be read (Langfuse answered 503 to GET /api/public/score-configs: Unavailable); numeric scores have no known scale.',
      )
    }

    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const slow = fakeFetch({
      'GET /lf/api/public/score-configs': async () => {
        await held
        return answer(langfuseConfigsPage([langfuseConfig('accuracy')]))
      },
      'GET /lf/api/public/experiments': ({ url }) =>
        answer(experimentsPage([langfuseExperiment(url.searchParams.get('id') ?? 'exp_1')])),
    })
    const shared = only(slow.fetch)
    const stopper = new AbortController()
    const stopped = shared.runs.get('langfuse:exp_1', { signal: stopper.signal }).catch((e: unknown) => e)
    const kept = shared.runs.get('langfuse:exp_2')
    stopper.abort(new Error('stopped by its caller'))
    release()
    expect(((await stopped) as Error).message).toBe('stopped by its caller')
    const run = await kept
    expect(run.ref).toBe('langfuse:exp_2')
    expect(run.warnings.join('\n')).not.toContain('Score configs could not be read')
  })

  it('cannot start or cancel: typed errors that say so, nothing sent', async () => {
    const { fetch, requests } = fakeFetch()
    const evalrun = only(fetch)
    const cancel = await evalrun.runs.cancel('langfuse:exp_1').catch((e: unknown) => e)
    expect(EvalrunNotSupportedError.isInstance(cancel)).toBe(true)
    expect((cancel as Error).message).toBe(
      'cancel is not supported by Langfuse: its API has no way to stop a run.',
    )
    const start = await evalrun.runs.start({ vendor: 'langfuse' } as never).catch((e: unknown) => e)
    expect(EvalrunNotSupportedError.isInstance(start)).toBe(true)
    expect((start as EvalrunNotSupportedError).operation).toBe('start')
    expect(requests).toEqual([])
  })

  it('rejects bad refs and options before sending anything', async () => {
    const { fetch, requests } = fakeFetch()
    const error = await only(fetch)
      .runs.get('langfuse:exp%zz')
      .catch((e: unknown) => e)
    expect(EvalrunInvalidInputError.isInstance(error)).toBe(true)
    expect(() => only(fetch, { listWindowDays: 0 })).toThrow(/langfuse\.listWindowDays/)
    expect(() => only(fetch, { quietPeriodMs: 'soon' })).toThrow(/langfuse\.quietPeriodMs/)
    expect(() => only(fetch).runs.list({ suite: 'langfuse:%' })).toThrow(/langfuse:<datasetId>/)
    expect(requests).toEqual([])
  })
})
