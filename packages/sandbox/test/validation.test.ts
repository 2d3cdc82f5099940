import { createDatalabClient } from '@evalrun/datalab'
import { createHumanloopClient } from '@evalrun/humanloop'
import { createLangfuseClient, type ExperimentItemsPage, type ExperimentsPage } from '@evalrun/langfuse'
import type { EvalRun, EvalRunOutputItem } from '@evalrun/openai'
import {
  createPhoenixClient,
  type DatasetsPage,
  type ExperimentRunsPage,
  type ExperimentsPage as PhoenixExperimentsPage,
} from '@evalrun/phoenix'
import { createPromptLayerClient } from '@evalrun/promptlayer'
import { json } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'
import { braintrustRequests, createResponseValidator, openaiRequests } from './helpers.js'

// Walks every endpoint and every page of a full seeded data set, at several instants (so queued, running
// and finished runs all appear), and validates each response against the vendored spec.
let sb: Sandbox
let validator: Awaited<ReturnType<typeof createResponseValidator>>

beforeAll(async () => {
  sb = await startSandbox({ clock: 'manual', seed: 3, runs: 24, suites: 3 })
  validator = await createResponseValidator(sb)
})
afterAll(() => sb.close())

const clients = () => {
  const options = (vendor: 'datalab' | 'promptlayer' | 'humanloop') => ({
    baseUrl: sb.urls[vendor],
    apiKey: sb.apiKeys[vendor],
    fetch: validator.fetch,
    retry: false as const,
  })
  return {
    datalab: createDatalabClient(options('datalab')),
    promptlayer: createPromptLayerClient(options('promptlayer')),
    humanloop: createHumanloopClient(options('humanloop')),
  }
}

async function walkDatalab(): Promise<void> {
  const { datalab } = clients()
  const seen: number[] = []
  for (let offset = 0; ; offset += 7) {
    const page = await datalab.GET('/api/v1/eval_batch_runs', { params: { query: { limit: 7, offset } } })
    seen.push(...page.data!.batch_runs.map((run) => run.id))
    if (offset + 7 >= page.data!.total) break
  }
  expect(new Set(seen).size).toBe(seen.length)
  expect(seen.length).toBe(sb.stats().runs.datalab)
  for (const id of seen) {
    await datalab.GET('/api/v1/eval_batch_runs/{run_id}', { params: { path: { run_id: id } } })
    await datalab.GET('/api/v1/eval_batch_runs/{run_id}/results', { params: { path: { run_id: id } } })
  }
  for (const collection of sb.catalog.datalab.collections) {
    await datalab.GET('/api/v1/eval_batch_runs', {
      params: { query: { collection_id: collection.id, limit: 200 } },
    })
    let cursor: string | null | undefined
    do {
      const page = await datalab.GET('/api/v1/collections/{collection_id}/files', {
        params: { path: { collection_id: collection.id }, query: { limit: 4, cursor } },
      })
      cursor = page.data!.next_cursor
    } while (cursor)
  }
  for (let offset = 0; offset < sb.catalog.datalab.rubrics.length; offset += 2) {
    await datalab.GET('/api/v1/eval_rubrics', {
      params: { query: { limit: 2, offset, include_archived: true } },
    })
  }
  for (const rubric of sb.catalog.datalab.rubrics) {
    await datalab.GET('/api/v1/eval_rubrics/{rubric_id}', { params: { path: { rubric_id: rubric.id } } })
  }
}

async function walkPromptLayer(): Promise<void> {
  const { promptlayer } = clients()
  const runIds: number[] = []
  for (let page = 1; ; page++) {
    const listed = await promptlayer.GET('/api/public/v2/evaluations', {
      params: { query: { include_runs: true, per_page: 2, page, status: 'all' } },
    })
    for (const evaluation of listed.data!.evaluations)
      runIds.push(evaluation.id, ...(evaluation.runs ?? []).map((run) => run.id!))
    if (page >= listed.data!.pages) break
  }
  expect(runIds.length).toBe(sb.catalog.promptlayer.pipelines.length + sb.stats().runs.promptlayer)
  for (const id of runIds) {
    await promptlayer.GET('/reports/{report_id}', { params: { path: { report_id: id } } })
    await promptlayer.GET('/reports/{report_id}/score', { params: { path: { report_id: id } } })
    for (let page = 1; ; page++) {
      const rows = await promptlayer.GET('/api/public/v2/evaluations/{evaluation_id}/rows', {
        params: { path: { evaluation_id: id }, query: { page, per_page: 10 } },
      })
      if (page >= rows.data!.pages) break
    }
  }
}

async function walkHumanloop(): Promise<void> {
  const { humanloop } = clients()
  for (const file of sb.catalog.humanloop.files) {
    const listed = await humanloop.GET('/evaluations', { params: { query: { file_id: file.id, size: 1 } } })
    for (const evaluation of sb.catalog.humanloop.evaluations.filter((e) => e.fileId === file.id)) {
      const id = evaluation.id
      await humanloop.GET('/evaluations/{id}', { params: { path: { id } } })
      await humanloop.GET('/evaluations/{id}/runs', { params: { path: { id } } })
      await humanloop.GET('/evaluations/{id}/stats', { params: { path: { id } } })
      let total = 0
      let seen = 0
      for (let page = 1; ; page++) {
        const logs = await humanloop.GET('/evaluations/{id}/logs', {
          params: { path: { id }, query: { page, size: 25 } },
        })
        total = logs.data!.total
        seen += logs.data!.records.length
        if (logs.data!.records.length < 25) break
      }
      expect(seen).toBe(total)
    }
    expect(listed.data!.total).toBeGreaterThan(0)
  }
}

const openai = <T = { id: string; status: string }>(path: string, init: RequestInit = {}) =>
  openaiRequests(sb, validator.fetch).request<T>(path, init)
const everyPage = <T extends { id: string } = { id: string }>(path: string, limit: number, extra = '') =>
  openaiRequests(sb, validator.fetch).everyPage<T>(path, limit, extra)

async function walkOpenAI(): Promise<void> {
  const evals = await everyPage('/evals', 2)
  expect(evals.map((e) => e.id).sort()).toEqual(sb.catalog.openai.evals.map((e) => e.id).sort())
  await everyPage('/evals', 1, '&order=desc&order_by=updated_at')
  const files = await everyPage('/files', 2)
  expect(files.map((file) => file.id).sort()).toEqual(sb.catalog.openai.evals.map((e) => e.fileId).sort())
  await everyPage('/files', 1, '&order=asc&purpose=user_data')
  await openai('/files')
  let runCount = 0
  for (const evaluation of evals) {
    expect((await openai(`/evals/${evaluation.id}`)).status).toBe(200)
    const runs = await everyPage<EvalRun>(`/evals/${evaluation.id}/runs`, 3)
    runCount += runs.length
    await everyPage(`/evals/${evaluation.id}/runs`, 5, '&order=desc&status=completed')
    for (const run of runs) {
      expect((await openai(`/evals/${evaluation.id}/runs/${run.id}`)).status).toBe(200)
      const items = await everyPage<EvalRunOutputItem>(
        `/evals/${evaluation.id}/runs/${run.id}/output_items`,
        10,
      )
      expect(items).toHaveLength(run.result_counts.total)
      await everyPage(`/evals/${evaluation.id}/runs/${run.id}/output_items`, 7, '&order=desc&status=pass')
      for (const item of items.slice(0, 2)) {
        const one = await openai(`/evals/${evaluation.id}/runs/${run.id}/output_items/${item.id}`)
        expect(one.body).toEqual(item)
      }
    }
  }
  expect(runCount).toBe(sb.stats().runs.openai)
}

const BEGINNING = '1970-01-01T00:00:00.000Z'
const langfuse = () =>
  createLangfuseClient({ ...sb.clientOptions.langfuse, fetch: validator.fetch, retry: false })

async function walkLangfuse(): Promise<void> {
  const client = langfuse()
  const datasetIds: string[] = []
  for (let page = 1; ; page++) {
    const { data } = await client.GET('/api/public/v2/datasets', { params: { query: { page, limit: 2 } } })
    datasetIds.push(...data!.data.map((dataset) => dataset.id))
    if (page >= data!.meta.totalPages) break
  }
  expect(new Set(datasetIds).size).toBe(sb.catalog.langfuse.datasets.length)
  await client.GET('/api/public/v2/datasets', {})
  const experimentIds: string[] = []
  for (let cursor: string | undefined; ; ) {
    const { data } = await client.GET('/api/public/experiments', {
      params: {
        query: {
          fromStartTime: BEGINNING,
          limit: 7,
          fields: 'core,metadata,scores',
          ...(cursor ? { cursor } : {}),
        },
      },
    })
    const page = data as ExperimentsPage
    experimentIds.push(...page.data.map((experiment) => experiment.id))
    if (!page.meta.cursor) break
    cursor = page.meta.cursor
  }
  expect(experimentIds.length).toBeGreaterThan(0)
  expect(experimentIds.length).toBeLessThanOrEqual(sb.stats().runs.langfuse)
  for (const experimentId of experimentIds.slice(0, 6)) {
    for (let cursor: string | undefined; ; ) {
      const { data } = await client.GET('/api/public/experiment-items', {
        params: {
          query: {
            fromStartTime: BEGINNING,
            experimentId,
            limit: 10,
            fields: 'core,dataset,io,metadata,itemMetadata,experimentMetadata,scores',
            ...(cursor ? { cursor } : {}),
          },
        },
      })
      const page = data as ExperimentItemsPage
      if (!page.meta.cursor) break
      cursor = page.meta.cursor
    }
  }
  const configs = await client.GET('/api/public/score-configs', { params: { query: { page: 1, limit: 4 } } })
  await client.GET('/api/public/score-configs', { params: { query: { page: 2, limit: 4 } } })
  for (const config of configs.data!.data)
    await client.GET('/api/public/score-configs/{configId}', { params: { path: { configId: config.id } } })
}

async function walkPhoenix(): Promise<void> {
  const { quietPeriodMs: _quiet, scoreScales: _scales, ...options } = sb.clientOptions.phoenix
  const client = createPhoenixClient({ ...options, fetch: validator.fetch, retry: false })
  const datasetIds: string[] = []
  for (let cursor: string | null = null; ; ) {
    const page: DatasetsPage = (await client.GET('/v1/datasets', { params: { query: { limit: 2, cursor } } }))
      .data!
    datasetIds.push(...page.data.map((dataset) => dataset.id))
    cursor = page.next_cursor
    if (cursor === null) break
  }
  expect(datasetIds).toHaveLength(sb.catalog.phoenix.datasets.length)
  const experimentIds: string[] = []
  for (const id of datasetIds) {
    await client.GET('/v1/datasets/{id}', { params: { path: { id } } })
    await client.GET('/v1/datasets/{id}/examples', { params: { path: { id } } })
    for (let cursor: string | null = null; ; ) {
      const page: PhoenixExperimentsPage = (
        await client.GET('/v1/datasets/{dataset_id}/experiments', {
          params: { path: { dataset_id: id }, query: { limit: 3, cursor } },
        })
      ).data!
      experimentIds.push(...page.data.map((experiment) => experiment.id))
      cursor = page.next_cursor
      if (cursor === null) break
    }
  }
  expect(experimentIds.length).toBeLessThanOrEqual(sb.stats().runs.phoenix)
  for (const experiment_id of experimentIds) {
    const path = { experiment_id }
    await client.GET('/v1/experiments/{experiment_id}', { params: { path } })
    for (let cursor: string | null = null; ; ) {
      const page: ExperimentRunsPage = (
        await client.GET('/v1/experiments/{experiment_id}/runs', {
          params: { path, query: { limit: 5, cursor } },
        })
      ).data!
      cursor = page.next_cursor
      if (cursor === null) break
    }
    await client.GET('/v1/experiments/{experiment_id}/runs', { params: { path } })
    await client.GET('/v1/experiments/{experiment_id}/json', {
      params: { path },
      headers: { Accept: 'application/json, text/plain' },
      parseAs: 'text',
    })
    await client.GET('/v1/experiments/{experiment_id}/incomplete-runs', {
      params: { path, query: { limit: 4 } },
    })
    await client.GET('/v1/experiments/{experiment_id}/incomplete-evaluations', {
      params: { path, query: { evaluation_name: ['correctness', 'helpfulness'], limit: 4 } },
    })
  }
}

const braintrust = () => braintrustRequests(sb, validator.fetch)

async function walkBraintrust(): Promise<void> {
  const { request, everyExperiment, everyEventPage } = braintrust()
  const experiments = await everyExperiment(5)
  expect(experiments).toHaveLength(sb.stats().runs.braintrust)
  for (const project of sb.catalog.braintrust.projects) {
    await everyExperiment(3, `&project_id=${project.id}`)
    await request(`/v1/experiment?project_name=${encodeURIComponent(project.name)}&limit=2`)
    await request(`/v1/project_score?project_id=${project.id}`)
  }
  await request(`/v1/experiment?limit=2&ending_before=${experiments.at(-1)!.id}`)
  await request('/v1/project_score?score_type=categorical')
  for (const experiment of experiments) {
    expect((await request(`/v1/experiment/${experiment.id}`)).status).toBe(200)
    await request(`/v1/experiment/${experiment.id}/summarize`)
    await request(`/v1/experiment/${experiment.id}/summarize?summarize_scores=true`)
    await request(
      `/v1/experiment/${experiment.id}/summarize?summarize_scores=true&comparison_experiment_id=${experiments[0]!.id}`,
    )
    await everyEventPage(experiment.id, 4)
  }
  // The GET form of fetch answers from the same pages as the POST form: a few experiments show its shape.
  for (const experiment of experiments.slice(0, 3)) {
    expect((await request(`/v1/experiment/${experiment.id}/fetch?limit=3`)).status).toBe(200)
  }
  await walkBraintrustCatalog()
}

/** The lists a start reads its ids from: every page of each, and each filter once. */
async function walkBraintrustCatalog(): Promise<void> {
  const { request } = braintrust()
  for (const list of ['project', 'dataset', 'function']) {
    const seen: string[] = []
    let after = ''
    for (;;) {
      const page = await request<{ objects: Array<{ id: string }> }>(
        `/v1/${list}?limit=2${after ? `&starting_after=${after}` : ''}`,
      )
      expect(page.status).toBe(200)
      if (page.body.objects.length === 0) break
      seen.push(...page.body.objects.map((entry) => entry.id))
      after = page.body.objects.at(-1)!.id
    }
    expect(seen).toHaveLength(sb.catalog.braintrust.projects.length)
  }
  const project = sb.catalog.braintrust.projects[0]!
  await request(`/v1/project?project_name=${encodeURIComponent(project.name)}`)
  await request(`/v1/dataset?project_id=${project.id}`)
  await request(`/v1/function?project_id=${project.id}&limit=1`)
}

describe('every response over a full seeded data set is valid against the specs', () => {
  it.each([
    ['at the start', 0],
    ['a few sandbox seconds later', 3_000],
    ['after every run finished', 3_600_000],
  ])(
    '%s',
    async (_label, advanceMs) => {
      sb.clock.advance(advanceMs)
      await walkDatalab()
      await walkPromptLayer()
      await walkHumanloop()
      await walkOpenAI()
      await walkBraintrust()
      await walkLangfuse()
      await walkPhoenix()
      expect(validator.problems).toEqual([])
      // Every operation of seven specs, each response validated: the first walk also compiles the validators.
    },
    40_000,
  )

  it('error responses too (401, 404, 405, 422)', async () => {
    const check = (url: string, init: RequestInit = {}) => validator.fetch(new Request(url, init))
    const dl = sb.urls.datalab
    const pl = sb.urls.promptlayer
    const hl = sb.urls.humanloop
    const dlKey = { 'X-API-Key': sb.apiKeys.datalab }
    const plKey = { 'X-API-KEY': sb.apiKeys.promptlayer }
    const hlKey = { 'X-API-KEY': sb.apiKeys.humanloop }
    const json = { 'Content-Type': 'application/json' }
    const statuses = [
      await check(`${dl}/api/v1/eval_batch_runs`),
      await check(`${dl}/api/v1/eval_batch_runs/999999`, { headers: dlKey }),
      await check(`${dl}/api/v1/eval_batch_runs?limit=0`, { headers: dlKey }),
      await check(`${dl}/api/v1/eval_batch_runs`, {
        method: 'POST',
        headers: { ...dlKey, ...json },
        body: '{}',
      }),
      await check(`${pl}/reports/1`),
      await check(`${pl}/reports/999999`, { headers: plKey }),
      await check(`${pl}/reports/1/score`, { headers: plKey }),
      await check(`${pl}/api/public/v2/evaluations?workspace_id=99`, { headers: plKey }),
      await check(`${pl}/reports/1/run`, { method: 'POST', headers: { ...plKey, ...json }, body: '{}' }),
      await check(`${hl}/evaluations`, { headers: hlKey }),
      await check(`${hl}/evaluations/evr_missing`, { headers: hlKey }),
      await check(`${hl}/evaluations/evr_missing/stats`),
    ].map((response) => response.status)
    expect(statuses).toEqual([401, 404, 422, 422, 401, 404, 400, 400, 422, 422, 404, 401])
    expect(validator.problems).toEqual([])
  })

  it('OpenAI: creating and canceling runs, and its errors (400, 401, 404, 429)', async () => {
    const evalId = sb.catalog.openai.evals[0]!.id
    const runs = `/evals/${evalId}/runs`
    const created = await openai(runs, {
      method: 'POST',
      body: JSON.stringify({ name: 'validated', data_source: sb.catalog.openai.dataSource }),
    })
    expect(created.status).toBe(201)
    const fromFile = await openai(runs, {
      method: 'POST',
      body: JSON.stringify({
        metadata: { origin: 'test' },
        data_source: {
          type: 'completions',
          model: 'gpt-4o-mini',
          source: { type: 'file_id', id: sb.catalog.openai.evals[0]!.fileId },
          input_messages: { type: 'item_reference', item_reference: 'item.input' },
        },
      }),
    })
    expect(fromFile.status).toBe(201)
    const canceled = await openai(`${runs}/${created.body.id}`, { method: 'POST' })
    expect(canceled.body.status).toBe('canceled')
    sb.clock.advance(3_600_000)
    const finished = await openai<{ data: unknown[] }>(`${runs}/${fromFile.body.id}/output_items?limit=100`)
    expect(finished.body.data).toHaveLength(sb.catalog.openai.evals[0]!.items)

    const statuses = [
      (await openai(`${runs}/${created.body.id}`, { method: 'POST' })).status,
      (await openai(runs, { method: 'POST', body: '{}' })).status,
      (await openai(runs, { method: 'POST', body: JSON.stringify({ data_source: { type: 'jsonl' } }) }))
        .status,
      (
        await openai(runs, {
          method: 'POST',
          body: JSON.stringify({
            data_source: { type: 'jsonl', source: { type: 'file_id', id: 'file-nope' } },
          }),
        })
      ).status,
      (await openai(runs, { method: 'POST', body: '{"data_source":' })).status,
      (await openai('/evals?limit=0')).status,
      (await openai('/evals?order=sideways')).status,
      (await openai(`${runs}?after=evalrun_missing`)).status,
      (await openai('/evals', { headers: { Authorization: '' } })).status,
      (await openai('/evals', { headers: { Authorization: 'Bearer wrong-key' } })).status,
      (await openai(`${runs}/${created.body.id}/output_items/outputitem_00000000`)).status,
      (await openai('/evals/eval_missing')).status,
      (await openai('/evals/eval_missing/runs')).status,
      (await openai(`${runs}/evalrun_missing`)).status,
      (await openai(`${runs}/evalrun_missing`, { method: 'POST' })).status,
      (await openai(`${runs}/evalrun_missing/output_items`)).status,
    ]
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 404, 404, 404, 404, 404, 404])

    sb.setFaults({ rate: 1, kinds: ['429', '500', '503'], vendors: ['openai'] })
    try {
      for (let i = 0; i < 6; i++) expect((await openai('/evals')).status).toBeGreaterThanOrEqual(429)
    } finally {
      sb.setFaults(null)
    }
    expect(validator.problems).toEqual([])
  })

  it('Langfuse: its errors (400 without fromStartTime or with a bad cursor, 401, 404), and 405', async () => {
    const lf = sb.urls.langfuse
    const auth = { Authorization: `Basic ${Buffer.from(sb.apiKeys.langfuse).toString('base64')}` }
    const check = (path: string, init: RequestInit = {}) =>
      validator.fetch(new Request(`${lf}${path}`, { ...init, headers: { ...auth, ...init.headers } }))
    const statuses = [
      await check('/api/public/experiments'),
      await check('/api/public/experiment-items?experimentId=x'),
      await check(`/api/public/experiments?fromStartTime=${BEGINNING}&cursor=x`),
      await check(`/api/public/experiments?fromStartTime=${BEGINNING}`, {
        headers: { Authorization: 'Basic eDp5' },
      }),
      await check('/api/public/score-configs/cm_missing'),
    ].map((response) => response.status)
    expect(statuses).toEqual([400, 400, 400, 401, 404])
    expect(validator.problems).toEqual([])
    // A wrong method matches no operation to validate against: its status and body, checked by hand.
    const post = await fetch(`${lf}/api/public/experiments`, { method: 'POST', headers: auth })
    expect(post.status).toBe(405)
    expect(await post.json()).toEqual({ message: 'Method POST not allowed', error: 'MethodNotAllowedError' })
  })

  it('Braintrust: launching evals, held and streamed, and its errors (400, 401, 404, 429)', async () => {
    const { request, post } = braintrust()
    const project = sb.catalog.braintrust.projects[0]!
    const launch = {
      project_id: project.id,
      data: { dataset_id: project.datasetId },
      task: { function_id: project.taskFunctionId },
      scores: sb.catalog.braintrust.scores,
    }
    const held = post('/v1/eval', { ...launch, experiment_name: 'validated' })
    const streamed = post('/v1/eval', { ...launch, stream: true, data: { data: [{ input: 'x' }] } })
    // The answers wait for the evals to end in sandbox time: move it on until both are in (the first launch also
    // compiles the request's validator, which takes a while).
    let settled = false
    void Promise.allSettled([held, streamed]).then(() => {
      settled = true
    })
    while (!settled) {
      sb.clock.advance(3_600_000)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect((await held).status).toBe(200)
    expect((await streamed).headers.get('content-type')).toMatch(/^text\/event-stream/)

    const missing = '00000000-0000-4000-8000-000000000000'
    const statuses = [
      (await post('/v1/eval', { ...launch, project_id: missing })).status,
      (await post('/v1/eval', { project_id: project.id })).status,
      (await request('/v1/experiment?limit=-1')).status,
      (await request(`/v1/experiment?starting_after=${missing}`)).status,
      (await post(`/v1/experiment/${missing}/fetch`, { cursor: 'nope' })).status,
      (await request('/v1/experiment', { headers: { Authorization: '' } })).status,
      (await request('/v1/experiment', { headers: { Authorization: 'Bearer wrong-key' } })).status,
      (await request(`/v1/experiment/${missing}`)).status,
      (await request(`/v1/experiment/${missing}/summarize`)).status,
    ]
    expect(statuses).toEqual([400, 400, 400, 400, 404, 401, 401, 404, 404])

    sb.setFaults({ rate: 1, kinds: ['429', '500', '503'], vendors: ['braintrust'] })
    try {
      for (let i = 0; i < 6; i++) expect((await request('/v1/experiment')).status).toBeGreaterThanOrEqual(429)
    } finally {
      sb.setFaults(null)
    }
    expect(validator.problems).toEqual([])
  })

  it('the validator does catch a response that breaks the spec', async () => {
    const own = await createResponseValidator(sb)
    const broken = json({ batch_runs: 'nope' })
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(broken)
    await own.fetch(new Request(`${sb.urls.datalab}/api/v1/eval_batch_runs`))
    expect(own.problems).toHaveLength(1)
  })
})
