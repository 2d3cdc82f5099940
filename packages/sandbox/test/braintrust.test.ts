import type {
  EvalLaunchRequest,
  EvalLaunchStartEvent,
  Experiment,
  ExperimentSummary,
  ProjectScoreList,
} from '@evalrun/braintrust'
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'
import { braintrustRequests } from './helpers.js'

// Braintrust in the sandbox: experiments paged by id, event pages that repeat rows, evals that run on the clock
// (held or streamed), summaries against a comparison, bearer auth, determinism.
const opened: Sandbox[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sb) => sb.close()))
})
async function open(options: Parameters<typeof startSandbox>[0] = {}) {
  const sb = await startSandbox({ clock: 'manual', ...options })
  opened.push(sb)
  return { sb, ...braintrustRequests(sb) }
}

const launchOf = (sb: Sandbox, extra: Partial<EvalLaunchRequest> = {}): EvalLaunchRequest => {
  const project = sb.catalog.braintrust.projects[0]!
  return {
    project_id: project.id,
    data: { dataset_id: project.datasetId },
    task: { function_id: project.taskFunctionId },
    scores: sb.catalog.braintrust.scores,
    ...extra,
  }
}

/** Reads a server-sent event stream until `count` events have arrived. */
async function readEvents(reader: ReadableStreamDefaultReader<Uint8Array>, count: number) {
  const decoder = new TextDecoder()
  let text = ''
  const events = () =>
    text
      .split('\n\n')
      .filter((block) => block.includes('data:'))
      .map((block) => ({
        event: /^event: (.*)$/m.exec(block)?.[1],
        data: block
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n'),
      }))
  while (events().length < count || !text.endsWith('\n\n')) {
    const { done, value } = await reader.read()
    if (done) break
    text += decoder.decode(value, { stream: true })
  }
  return events()
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 50))

/**
 * `answer`, moving the manual clock on by `stepMs` every 50 ms until it is in: a held answer waits for sandbox
 * time, and the request may reach the server only after a first step (its validator is compiled on first use).
 */
async function withClock<T>(sb: Sandbox, answer: Promise<T>, stepMs = 10_000): Promise<T> {
  let settled = false
  void answer.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  while (!settled) {
    await tick()
    if (!settled) sb.clock.advance(stepMs)
  }
  return answer
}

describe('Braintrust sandbox: experiments', () => {
  it('lists newest first, pages by starting_after and ending_before, none lost or repeated, and filters', async () => {
    const { sb, request, everyExperiment } = await open({ runs: 30, suites: 2 })
    const all = await everyExperiment(1000)
    expect(all).toHaveLength(30)
    const created = all.map((experiment) => Date.parse(experiment.created))
    expect(created).toEqual([...created].sort((a, b) => b - a))
    for (const limit of [1, 4, 7]) {
      expect((await everyExperiment(limit)).map((e) => e.id)).toEqual(all.map((e) => e.id))
    }
    const before = await request<{ objects: Experiment[] }>(
      `/v1/experiment?limit=3&ending_before=${all[5]!.id}`,
    )
    expect(before.body.objects.map((e) => e.id)).toEqual(all.slice(2, 5).map((e) => e.id))

    const project = sb.catalog.braintrust.projects[1]!
    const ofProject = await everyExperiment(4, `&project_id=${project.id}`)
    expect(ofProject).toHaveLength(15)
    const named = await request<{ objects: Experiment[] }>(
      `/v1/experiment?project_name=${encodeURIComponent(project.name)}&experiment_name=${encodeURIComponent((ofProject[0] as Experiment).name)}`,
    )
    expect(named.body.objects.map((e) => e.id)).toEqual([ofProject[0]!.id])
    const ids = await request<{ objects: Experiment[] }>(`/v1/experiment?ids=${all[0]!.id}&ids=${all[9]!.id}`)
    expect(ids.body.objects.map((e) => e.id)).toEqual([all[0]!.id, all[9]!.id])

    const badCursor = await request('/v1/experiment?starting_after=00000000-0000-4000-8000-000000000000')
    expect(badCursor.status).toBe(400)
    expect(badCursor.headers.get('content-type')).toMatch(/^text\/plain/)
    const both = await request(`/v1/experiment?starting_after=${all[0]!.id}&ending_before=${all[1]!.id}`)
    expect(both.status).toBe(400)
    const missing = await request('/v1/experiment/00000000-0000-4000-8000-000000000000')
    expect(missing).toMatchObject({
      status: 404,
      body: 'Experiment 00000000-0000-4000-8000-000000000000 not found',
    })
  })

  it('requires a bearer key, though the spec also lists anonymous access; answers Date by the sandbox clock', async () => {
    const { sb, request } = await open({ runs: 2 })
    expect((await request('/v1/experiment', { headers: { Authorization: '' } })).status).toBe(401)
    expect((await request('/v1/experiment', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401)
    const asHeader = await request('/v1/experiment', {
      headers: { Authorization: '', 'X-API-Key': sb.apiKeys.braintrust },
    })
    expect(asHeader.status).toBe(401)
    expect(asHeader.text).toMatch(/Bearer/)
    const ok = await request('/v1/experiment')
    expect(ok.status).toBe(200)
    expect(ok.headers.get('date')).toBe('Thu, 15 Jan 2026 12:00:00 GMT')
    sb.clock.advance(90_000)
    expect((await request('/v1/experiment')).headers.get('date')).toBe('Thu, 15 Jan 2026 12:01:30 GMT')
  })

  it('lists project scores with their filters', async () => {
    const { sb, request } = await open({ runs: 0, suites: 2 })
    const all = await request<ProjectScoreList>('/v1/project_score')
    expect(all.body.objects).toHaveLength(4)
    const project = sb.catalog.braintrust.projects[0]!
    const sliders = await request<ProjectScoreList>(
      `/v1/project_score?project_id=${project.id}&score_type=slider`,
    )
    expect(sliders.body.objects.map((score) => [score.name, score.score_type])).toEqual([
      ['Helpfulness', 'slider'],
    ])
  })
})

describe('Braintrust sandbox: events', () => {
  it('pages every trace newest first by cursor; later pages now and then repeat a row, in an older version', async () => {
    const { sb, everyExperiment, everyEventPage } = await open({ runs: 12, suites: 2 })
    sb.clock.advance(3_600_000)
    let repeats = 0
    for (const experiment of await everyExperiment(100)) {
      const pages = await everyEventPage(experiment.id, 3)
      // A cursor on every page but the last, which is empty.
      expect(pages.at(-1)).toEqual({ events: [] })
      expect(pages.slice(0, -1).every((page) => typeof page.cursor === 'string')).toBe(true)
      const rows = pages.flatMap((page) => page.events)
      const newest = new Map<string, Record<string, unknown>>()
      for (const row of rows) {
        const seen = newest.get(row.id as string)
        if (seen === undefined) newest.set(row.id as string, row)
        else {
          repeats++
          expect(BigInt(row._xact_id as string) < BigInt(seen._xact_id as string)).toBe(true)
          expect(row.scores).toBeNull()
        }
      }
      const roots = [...newest.values()].filter((row) => row.is_root === true)
      for (const page of pages.slice(0, -1)) {
        const traces = new Set(page.events.map((row) => row.root_span_id))
        expect(traces.size).toBeLessThanOrEqual(4)
      }
      // Every case once, newest first, each with a span under it.
      const ends = roots.map((row) => (row.metrics as { end: number }).end)
      expect(ends).toEqual([...ends].sort((a, b) => b - a))
      expect(newest.size).toBe(roots.length * 2)
    }
    expect(repeats).toBeGreaterThan(0)
  })

  it('rejects a cursor of another experiment', async () => {
    const { sb, everyExperiment, post } = await open({ runs: 4 })
    sb.clock.advance(3_600_000)
    const [first, second] = await everyExperiment(10)
    const page = await post<{ cursor: string }>(`/v1/experiment/${first!.id}/fetch`, { limit: 1 })
    expect(typeof page.body.cursor).toBe('string')
    const wrong = await post(`/v1/experiment/${second!.id}/fetch`, { cursor: page.body.cursor })
    expect(wrong.status).toBe(400)
  })
})

describe('Braintrust sandbox: evals', () => {
  it('holds POST /v1/eval until the eval is done, then answers its summary against the base experiment', async () => {
    const { sb, post, everyExperiment } = await open({ runs: 6, suites: 1 })
    const base = (await everyExperiment(10))[0] as Experiment
    let answered = false
    const pending = post<ExperimentSummary>(
      '/v1/eval',
      launchOf(sb, { experiment_name: 'held', base_experiment_id: base.id }),
    )
    void pending.then(() => {
      answered = true
    })
    await tick()
    expect(answered).toBe(false)
    const rows = sb.catalog.braintrust.projects[0]!.rows
    const { status, body } = await withClock(sb, pending)
    expect(status).toBe(200)
    expect(body).toMatchObject({ experiment_name: 'held', comparison_experiment_name: base.name })
    expect(Object.keys(body.scores ?? {})).toEqual(['Factuality', 'Levenshtein'])
    for (const score of Object.values(body.scores ?? {})) {
      expect(score.score).toBeGreaterThanOrEqual(0)
      expect(score.score).toBeLessThanOrEqual(1)
      expect(score.improvements + score.regressions).toBeLessThanOrEqual(rows)
    }
  })

  it('streams a start event at once and a done event with the summary when the eval ends', async () => {
    const { sb, request } = await open({ runs: 2, suites: 1 })
    const response = await fetch(`${sb.urls.braintrust}/v1/eval`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sb.apiKeys.braintrust}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(launchOf(sb, { experiment_name: 'streamed', stream: true })),
    })
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = response.body!.getReader()
    const [start] = await readEvents(reader, 1)
    expect(start!.event).toBe('start')
    const started = JSON.parse(start!.data) as EvalLaunchStartEvent
    expect(started).toMatchObject({
      experimentName: 'streamed',
      projectId: sb.catalog.braintrust.projects[0]!.id,
    })
    // The experiment exists at once, with no events yet.
    const experiment = await request<Experiment>(`/v1/experiment/${started.experimentId}`)
    expect(experiment.body.name).toBe('streamed')
    sb.clock.advance(60_000)
    const [done] = await readEvents(reader, 1)
    expect(done!.event).toBe('done')
    expect(JSON.parse(done!.data)).toMatchObject({ experiment_name: 'streamed' })
    expect((await reader.read()).done).toBe(true)
  })

  it('runs inline rows (times trials), suffixes a taken name, stops at its timeout, and rejects what it cannot run', async () => {
    const { sb, post, request } = await open({ runs: 3, suites: 1 })
    const rows = [{ input: { q: 'a' } }, { input: { q: 'b' } }]
    const launched = post<ExperimentSummary>(
      '/v1/eval',
      launchOf(sb, { data: { data: rows }, trial_count: 2, experiment_name: 'ci', timeout: 2_600 }),
    )
    expect((await withClock(sb, launched)).body.experiment_name).toBe('ci')
    const again = post<ExperimentSummary>(
      '/v1/eval',
      launchOf(sb, { data: { data: rows }, experiment_name: 'ci' }),
    )
    const suffixed = (await withClock(sb, again)).body.experiment_name
    expect(suffixed).toMatch(/^ci-[0-9a-f]{4}$/)
    const listed = await request<{ objects: Experiment[] }>('/v1/experiment?experiment_name=ci')
    const events = await post<{ events: unknown[] }>(`/v1/experiment/${listed.body.objects[0]!.id}/fetch`, {})
    // 4 cases planned, but the timeout (2.6 s) left time for one: its root and its task span.
    expect(events.body.events).toHaveLength(2)

    for (const body of [
      launchOf(sb, { project_id: '00000000-0000-4000-8000-000000000000' }),
      launchOf(sb, { data: { dataset_id: '00000000-0000-4000-8000-000000000000' } }),
      launchOf(sb, { base_experiment_id: '00000000-0000-4000-8000-000000000000' }),
      { project_id: 'p' },
    ]) {
      const answer = await post('/v1/eval', body)
      expect(answer.status).toBe(400)
    }
  })
})

describe('Braintrust sandbox: seeded data', () => {
  it('the same seed gives the same experiments, events and summaries; another seed other ones', async () => {
    const snapshot = async (seed: number) => {
      const { sb, everyExperiment, everyEventPage, request } = await open({ seed, runs: 8 })
      const experiments = await everyExperiment(100)
      const id = experiments.at(-1)!.id
      return {
        catalog: sb.catalog.braintrust,
        experiments,
        events: await everyEventPage(id, 5),
        summary: (await request(`/v1/experiment/${id}/summarize?summarize_scores=true`)).body,
        start: sb.sampleStartInputs().find((input) => input.vendor === 'braintrust'),
      }
    }
    const a = await snapshot(5)
    expect(await snapshot(5)).toEqual(a)
    expect((await snapshot(6)).experiments).not.toEqual(a.experiments)
    expect(a.start).toMatchObject({ vendor: 'braintrust', projectId: a.catalog.projects[0]!.id })
    expect(a.summary).toMatchObject({ scores: expect.any(Object), metrics: expect.any(Object) })
  })

  it('clientOptions and env point at the Braintrust prefix', async () => {
    const { sb } = await open({ runs: 0 })
    expect(sb.clientOptions.braintrust).toEqual({
      apiKey: 'sandbox-braintrust-key',
      baseUrl: sb.urls.braintrust,
      quietPeriodMs: 5_000,
    })
    expect(sb.env).toMatchObject({
      BRAINTRUST_API_URL: sb.urls.braintrust,
      BRAINTRUST_API_KEY: 'sandbox-braintrust-key',
    })
  })
})
