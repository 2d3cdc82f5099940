import {
  createLangfuseClient,
  type Experiment,
  type ExperimentItem,
  type ExperimentItemsPage,
  type ExperimentsPage,
  type LangfuseClient,
  request,
  type ScoreConfigsPage,
} from '@evalrun/langfuse'
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'
import { raw } from './helpers.js'

// Langfuse experiments in the sandbox: cursor paging, the required fromStartTime, basic auth, scores of each
// data type, experiments that move with the clock, determinism.
const opened: Sandbox[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sb) => sb.close()))
})
async function open(options: Parameters<typeof startSandbox>[0] = {}) {
  const sb = await startSandbox({ clock: 'manual', ...options })
  opened.push(sb)
  return { sb, langfuse: createLangfuseClient({ ...sb.clientOptions.langfuse, retry: false }) }
}
const BEGINNING = '1970-01-01T00:00:00.000Z'
const basic = (sb: Sandbox) => `Basic ${Buffer.from(sb.apiKeys.langfuse).toString('base64')}`

async function everyExperiment(client: LangfuseClient, query: Record<string, string | number> = {}) {
  const all: Experiment[] = []
  for (let cursor: string | undefined, pages = 0; pages < 1_000; pages++) {
    const page: ExperimentsPage = await request(client, 'GET', '/api/public/experiments', {
      params: { query: { fromStartTime: BEGINNING, ...query, ...(cursor ? { cursor } : {}) } },
    })
    all.push(...page.data)
    if (!page.meta.cursor) return all
    cursor = page.meta.cursor
  }
  throw new Error('too many pages')
}

async function everyItem(client: LangfuseClient, query: Record<string, string | number> = {}) {
  const all: ExperimentItem[] = []
  for (let cursor: string | undefined, pages = 0; pages < 1_000; pages++) {
    const page: ExperimentItemsPage = await request(client, 'GET', '/api/public/experiment-items', {
      params: { query: { fromStartTime: BEGINNING, ...query, ...(cursor ? { cursor } : {}) } },
    })
    all.push(...page.data)
    if (!page.meta.cursor) return all
    cursor = page.meta.cursor
  }
  throw new Error('too many pages')
}

describe('Langfuse sandbox: cursor paging', () => {
  it('pages experiments newest first by start: none lost, none repeated, a cursor until the last page', async () => {
    const { sb, langfuse } = await open({ runs: 45, suites: 3 })
    const whole = await everyExperiment(langfuse, { limit: 100 })
    expect(whole).toHaveLength(45)
    expect(new Set(whole.map((e) => e.id)).size).toBe(sb.stats().runs.langfuse)
    const starts = whole.map((e) => Date.parse(e.startTime))
    expect(starts).toEqual([...starts].sort((a, b) => b - a))
    for (const limit of [3, 20]) {
      expect((await everyExperiment(langfuse, { limit })).map((e) => e.id)).toEqual(whole.map((e) => e.id))
    }
    const cursor = (
      (await request(langfuse, 'GET', '/api/public/experiments', {
        params: { query: { fromStartTime: BEGINNING, limit: 5 } },
      })) as ExperimentsPage
    ).meta.cursor!
    // Langfuse's cursor: versioned base64url JSON.
    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toMatchObject({
      v: 1,
      lastId: whole[4]!.id,
    })
  })

  it('pages items of one experiment, keyed by dataset item across experiments, and filters by list or structured filter', async () => {
    const { sb, langfuse } = await open({ runs: 6, suites: 2 })
    sb.clock.advance(3_600_000)
    const whole = await everyExperiment(langfuse)
    const experiment = whole.at(-1)!
    const dataset = sb.catalog.langfuse.datasets.find((d) => d.id === experiment.datasetId)!
    const items = await everyItem(langfuse, { experimentId: experiment.id, limit: 4, fields: 'core,dataset' })
    const [listed] = await everyExperiment(langfuse, { id: experiment.id })
    expect(items).toHaveLength(listed!.itemCount)
    expect(items.length).toBeLessThanOrEqual(dataset.items)
    expect(items.every((item) => item.experimentId === experiment.id)).toBe(true)
    // Two experiments of one dataset run the same dataset items: the key they join on.
    const sibling = whole.find((e) => e.datasetId === dataset.id && e.id !== experiment.id)!
    const siblingKeys = new Set(
      (await everyItem(langfuse, { experimentId: sibling.id, limit: 100 })).map(
        (item) => item.experimentItemId,
      ),
    )
    const keys = items.map((item) => item.experimentItemId)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.filter((key) => siblingKeys.has(key)).length).toBe(Math.min(keys.length, siblingKeys.size))
    expect(items[0]).toMatchObject({ experimentDatasetId: dataset.id, environment: 'sdk-experiment' })
    const filter = JSON.stringify([
      { type: 'string', column: 'experimentId', operator: '=', value: experiment.id },
    ])
    expect((await everyItem(langfuse, { filter, limit: 100 })).map((i) => i.id)).toEqual(
      items.map((i) => i.id),
    )
    const byDataset = await everyExperiment(langfuse, { datasetId: dataset.id })
    expect(byDataset.every((e) => e.datasetId === dataset.id)).toBe(true)
    expect(byDataset.length).toBe(whole.filter((e) => e.datasetId === dataset.id).length)
  })

  it('clips an experiment that began before fromStartTime to it, and counts only the items since', async () => {
    const { sb, langfuse } = await open({ runs: 0, suites: 1 })
    sb.clock.advance(3_600_000)
    const whole = await everyExperiment(langfuse)
    expect(whole).toEqual([])
    const { sb: seeded, langfuse: client } = await open({ runs: 3, suites: 1, seed: 9 })
    seeded.clock.advance(3_600_000)
    const [full] = await everyExperiment(client, { limit: 1 })
    const from = new Date(Date.parse(full!.startTime) + 1_200).toISOString()
    const [clipped] = await everyExperiment(client, { id: full!.id, fromStartTime: from })
    expect(clipped!.startTime).toBe(from)
    expect(clipped!.itemCount).toBe(full!.itemCount - 3)
  })
})

describe('Langfuse sandbox: what the API requires', () => {
  it('fromStartTime is required on both lists: 400 with Zod issues, as the spec declares', async () => {
    const { sb } = await open({ runs: 2 })
    for (const path of ['/api/public/experiments', '/api/public/experiment-items?experimentId=x']) {
      const answer = await raw(`${sb.urls.langfuse}${path}`, { headers: { Authorization: basic(sb) } })
      expect(answer.status).toBe(400)
      expect(answer.json()).toEqual({
        message: 'Invalid request data',
        error: [{ code: 'invalid_type', path: ['fromStartTime'], message: 'Required' }],
      })
    }
    const badDate = await raw(`${sb.urls.langfuse}/api/public/experiments?fromStartTime=yesterday`, {
      headers: { Authorization: basic(sb) },
    })
    expect(badDate.status).toBe(400)
  })

  it('401 without valid basic credentials: none, a wrong secret, the keys as a bearer token', async () => {
    const { sb } = await open({ runs: 1 })
    const url = `${sb.urls.langfuse}/api/public/score-configs`
    const [publicKey] = sb.apiKeys.langfuse.split(':')
    for (const authorization of [
      undefined,
      `Basic ${Buffer.from(`${publicKey}:wrong`).toString('base64')}`,
      `Bearer ${sb.apiKeys.langfuse}`,
      'Basic not base64!',
    ]) {
      const answer = await raw(url, { headers: authorization ? { Authorization: authorization } : {} })
      expect(answer.status, String(authorization)).toBe(401)
      expect(answer.json()).toEqual({
        message: "Invalid credentials. Confirm that you've configured the correct host.",
      })
    }
    expect((await raw(url, { headers: { Authorization: basic(sb) } })).status).toBe(200)
    // The scheme word in any case, as RFC 7617 allows.
    expect((await raw(url, { headers: { Authorization: basic(sb).replace('Basic', 'basic') } })).status).toBe(
      200,
    )
  })

  it('rejects a bad limit, field group, cursor or filter; 404 for an unknown score config', async () => {
    const { sb } = await open({ runs: 1 })
    const get = (path: string) =>
      raw(`${sb.urls.langfuse}${path}`, { headers: { Authorization: basic(sb) } }).then((a) => a.status)
    const from = `fromStartTime=${BEGINNING}`
    expect(await get(`/api/public/experiments?${from}&limit=101`)).toBe(400)
    expect(await get(`/api/public/experiments?${from}&scoreLimit=51`)).toBe(400)
    expect(await get(`/api/public/experiments?${from}&fields=core,io`)).toBe(400)
    expect(await get(`/api/public/experiments?${from}&cursor=not-a-cursor`)).toBe(400)
    expect(await get(`/api/public/experiments?${from}&filter=%5B%7B%7D%5D`)).toBe(400)
    expect(await get(`/api/public/experiments?${from}&filter=nope`)).toBe(400)
    expect(await get('/api/public/score-configs/cm_missing')).toBe(404)
    expect(await get('/api/public/datasets/x/runs')).toBe(404)
  })
})

describe('Langfuse sandbox: scores and experiments that move', () => {
  it('scores items by data type (numeric, boolean, categorical, text) once they end; score configs give scales', async () => {
    const { sb, langfuse } = await open({ runs: 12, suites: 3 })
    sb.clock.advance(3_600_000)
    const items = await everyItem(langfuse, { fields: 'core,io,scores', limit: 100 })
    const types = new Set(items.flatMap((item) => (item.scores ?? []).map((s) => `${s.dataType} ${s.name}`)))
    expect([...types].sort()).toEqual([
      'BOOLEAN exact_match',
      'CATEGORICAL tone',
      'NUMERIC correctness',
      'NUMERIC latency_s',
      'TEXT reviewer_note',
    ])
    const errored = items.filter((item) => item.level === 'ERROR')
    expect(errored.length).toBeGreaterThan(0)
    expect(errored.every((item) => item.scores?.length === 0 && item.output === null)).toBe(true)
    const configs: ScoreConfigsPage = await request(langfuse, 'GET', '/api/public/score-configs', {
      params: { query: { page: 1, limit: 3 } },
    })
    expect(configs.meta).toEqual({ page: 1, limit: 3, totalItems: 7, totalPages: 3 })
    const correctness = await request(langfuse, 'GET', '/api/public/score-configs/{configId}', {
      params: { path: { configId: 'cmcfgcorrectness000000001' } },
    })
    expect(correctness).toMatchObject({ name: 'correctness', dataType: 'NUMERIC', minValue: 0, maxValue: 1 })
  })

  it('an experiment grows item by item, then gets its experiment-level scores; items have no end or scores while running', async () => {
    const { sb, langfuse } = await open({ runs: 30, suites: 3, seed: 4 })
    const running = (await everyExperiment(langfuse, { fields: 'core,scores' })).filter(
      (e) => e.scores?.length === 0 && sb.clock.now().getTime() - Date.parse(e.endTime) < 1_000,
    )
    expect(running.length).toBeGreaterThan(1)
    const target = running[0]!
    const before = await everyItem(langfuse, { experimentId: target.id, fields: 'core,scores' })
    const unfinished = before.filter((item) => item.endTime === null)
    expect(unfinished.length).toBeLessThanOrEqual(1)
    expect(unfinished.every((item) => item.scores?.length === 0)).toBe(true)
    sb.clock.advance(3_600_000)
    const after = await everyExperiment(langfuse, { fields: 'core,scores', limit: 100 })
    const now = after.find((e) => e.id === target.id)!
    expect(now.itemCount).toBeGreaterThan(target.itemCount)
    expect(Date.parse(now.endTime)).toBeGreaterThan(Date.parse(target.endTime))
    const scoredSince = after.filter((e) => running.some((r) => r.id === e.id) && (e.scores?.length ?? 0) > 0)
    expect(scoredSince.length).toBeGreaterThan(0)
  })

  it('experiment-level scores by dataset: one score, two on different scales, or none', async () => {
    const { sb, langfuse } = await open({ runs: 30, suites: 3 })
    sb.clock.advance(3_600_000)
    const experiments = await everyExperiment(langfuse, { fields: 'core,metadata,scores', limit: 100 })
    const byDataset = new Map<string, Set<string>>()
    for (const experiment of experiments) {
      const names = (experiment.scores ?? []).map((s) => s.name).join(',')
      byDataset.set(experiment.datasetId!, (byDataset.get(experiment.datasetId!) ?? new Set()).add(names))
    }
    const [first, second, third] = sb.catalog.langfuse.datasets
    expect(byDataset.get(first!.id)).toContain('avg_correctness')
    expect(byDataset.get(second!.id)).toContain('avg_correctness,avg_latency_s')
    expect(byDataset.get(third!.id)).toEqual(new Set(['']))
    expect(experiments[0]!.metadata).toMatchObject({ model: expect.any(String) })
    expect(experiments.every((e) => (e.scores ?? []).every((s) => s.subject?.kind === 'experiment'))).toBe(
      true,
    )
  })

  it("answers every response with the sandbox clock's Date", async () => {
    const { sb } = await open({ runs: 1 })
    const answer = await fetch(`${sb.urls.langfuse}/api/public/score-configs`, {
      headers: { Authorization: basic(sb) },
    })
    expect(answer.headers.get('date')).toBe('Thu, 15 Jan 2026 12:00:00 GMT')
  })
})

describe('Langfuse sandbox: seeded data and configuration', () => {
  it('the same seed gives the same experiments and items; another seed other ones', async () => {
    const snapshot = async (seed: number) => {
      const { sb, langfuse } = await open({ seed, runs: 8 })
      const experiments = await everyExperiment(langfuse, { fields: 'core,metadata,scores' })
      const items = await everyItem(langfuse, {
        experimentId: experiments.at(-1)!.id,
        fields: 'core,io,scores',
      })
      return { catalog: sb.catalog.langfuse, experiments, items }
    }
    const a = await snapshot(5)
    expect(await snapshot(5)).toEqual(a)
    expect((await snapshot(6)).experiments).not.toEqual(a.experiments)
  })

  it('clientOptions and env name the Langfuse prefix and both keys; nothing to start', async () => {
    const { sb } = await open({ runs: 1, apiKeys: { langfuse: 'pk-lf-mine:sk-lf-mine' } })
    expect(sb.urls.langfuse).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/langfuse$/)
    expect(sb.clientOptions.langfuse).toEqual({
      publicKey: 'pk-lf-mine',
      secretKey: 'sk-lf-mine',
      baseUrl: sb.urls.langfuse,
    })
    expect(sb.env).toMatchObject({
      LANGFUSE_BASE_URL: sb.urls.langfuse,
      LANGFUSE_PUBLIC_KEY: 'pk-lf-mine',
      LANGFUSE_SECRET_KEY: 'sk-lf-mine',
    })
    expect(sb.sampleStartInputs().map((input) => input.vendor)).not.toContain('langfuse')
    const client = createLangfuseClient({ env: sb.env })
    const configs = (await request(client, 'GET', '/api/public/score-configs')) as ScoreConfigsPage
    expect(configs.data.length).toBeGreaterThan(0)
  })
})
