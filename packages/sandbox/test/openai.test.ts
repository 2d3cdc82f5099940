import type { Eval, EvalRun, EvalRunOutputItem, ListPage, OpenAIErrorResponse } from '@evalrun/openai'
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'
import { openaiRequests } from './helpers.js'

// OpenAI Evals in the sandbox: cursor paging, the run life cycle on the manual clock, bearer auth, determinism.
const opened: Sandbox[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sb) => sb.close()))
})
async function open(options: Parameters<typeof startSandbox>[0] = {}) {
  const sb = await startSandbox({ clock: 'manual', ...options })
  opened.push(sb)
  return { sb, ...openaiRequests(sb) }
}

describe('OpenAI sandbox: cursor paging', () => {
  it('pages runs by `after` in both orders: none lost, none repeated, has_more true until the last page', async () => {
    const { sb, request } = await open({ runs: 40, suites: 2 })
    const evalId = sb.catalog.openai.evals[0]!.id
    const all = await request<ListPage<EvalRun>>(`/evals/${evalId}/runs?limit=100`)
    expect(all.body.data).toHaveLength(20)
    expect(all.body.has_more).toBe(false)
    // Ascending by creation time (the default order).
    const created = all.body.data.map((run) => run.created_at)
    expect(created).toEqual([...created].sort((a, b) => a - b))

    for (const order of ['asc', 'desc'] as const) {
      for (const limit of [1, 3, 7, 20]) {
        const seen: string[] = []
        let after = ''
        for (;;) {
          const page = await request<ListPage<EvalRun>>(
            `/evals/${evalId}/runs?limit=${limit}&order=${order}${after ? `&after=${after}` : ''}`,
          )
          expect(page.status).toBe(200)
          expect(page.body.object).toBe('list')
          expect(page.body.data.length).toBeLessThanOrEqual(limit)
          expect(page.body.first_id).toBe(page.body.data[0]!.id)
          expect(page.body.last_id).toBe(page.body.data.at(-1)!.id)
          seen.push(...page.body.data.map((run) => run.id))
          expect(page.body.has_more).toBe(seen.length < 20)
          if (!page.body.has_more) break
          after = page.body.last_id
        }
        const expected = all.body.data.map((run) => run.id)
        expect(seen).toEqual(order === 'asc' ? expected : expected.reverse())
      }
    }
  })

  it('pages evals and output items, filters by status, and rejects a bad limit or cursor', async () => {
    const { sb, request, everyPage } = await open({ runs: 10, suites: 5 })
    const evals = await everyPage<Eval>('/evals', 2)
    expect(evals.map((e) => e.id).sort()).toEqual(sb.catalog.openai.evals.map((e) => e.id).sort())
    expect((await everyPage<Eval>('/evals', 2, '&order=desc')).map((e) => e.id)).toEqual(
      evals.map((e) => e.id).reverse(),
    )

    sb.clock.advance(3_600_000)
    const evalId = sb.catalog.openai.evals[0]!.id
    const [run] = await everyPage<EvalRun>(`/evals/${evalId}/runs`, 1, '&status=completed')
    const path = `/evals/${evalId}/runs/${run!.id}/output_items`
    const items = await everyPage<EvalRunOutputItem>(path, 4)
    expect(items.map((item) => item.datasource_item_id)).toEqual(items.map((_, index) => index))
    const passed = await everyPage<EvalRunOutputItem>(path, 3, '&status=pass')
    const failed = await everyPage<EvalRunOutputItem>(path, 3, '&status=fail&order=desc')
    expect(passed.every((item) => item.status === 'pass')).toBe(true)
    expect(failed.every((item) => item.status === 'fail')).toBe(true)
    expect(passed).toHaveLength(run!.result_counts.passed)
    expect(failed).toHaveLength(run!.result_counts.failed)

    const limitZero = await request<OpenAIErrorResponse>('/evals?limit=0')
    expect(limitZero.status).toBe(400)
    expect(limitZero.body.error).toMatchObject({ type: 'invalid_request_error', param: 'limit' })
    expect((await request('/evals?limit=101')).status).toBe(400)
    const badCursor = await request<OpenAIErrorResponse>(`/evals/${evalId}/runs?after=evalrun_nope`)
    expect(badCursor.status).toBe(400)
    expect(badCursor.body.error.param).toBe('after')
  })

  it('a filtered listing keeps its place when the run it stopped at no longer matches', async () => {
    const { sb, request } = await open({ runs: 0, suites: 1 })
    const evalId = sb.catalog.openai.evals[0]!.id
    const start = () =>
      request<EvalRun>(`/evals/${evalId}/runs`, {
        method: 'POST',
        body: JSON.stringify({ data_source: sb.catalog.openai.dataSource }),
      })
    const first = (await start()).body
    sb.clock.advance(1)
    await start()
    const page = await request<ListPage<EvalRun>>(`/evals/${evalId}/runs?status=queued&limit=1`)
    expect(page.body).toMatchObject({ first_id: first.id, has_more: true })
    await request(`/evals/${evalId}/runs/${first.id}`, { method: 'POST' }) // canceled: no longer queued
    const next = await request<ListPage<EvalRun>>(`/evals/${evalId}/runs?status=queued&after=${first.id}`)
    expect(next.status).toBe(200)
    expect(next.body.data).toHaveLength(1)
    expect(next.body.has_more).toBe(false)
  })
})

describe('OpenAI sandbox: run life cycle on the manual clock', () => {
  it('queued → in_progress → completed, with result counts that match the output items', async () => {
    const { sb, request, everyPage } = await open({ runs: 0 })
    const evaluation = sb.catalog.openai.evals[0]!
    const created = await request<EvalRun>(`/evals/${evaluation.id}/runs`, {
      method: 'POST',
      body: JSON.stringify({
        name: 'life cycle',
        data_source: { type: 'jsonl', source: { type: 'file_id', id: evaluation.fileId } },
      }),
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      object: 'eval.run',
      eval_id: evaluation.id,
      name: 'life cycle',
      status: 'queued',
      result_counts: { total: 0, errored: 0, failed: 0, passed: 0 },
    })
    expect(created.body.report_url).toMatch(/^https:\/\/platform\.openai\.com\/evaluations\//)
    const runPath = `/evals/${evaluation.id}/runs/${created.body.id}`
    const read = async () => (await request<EvalRun>(runPath)).body

    sb.clock.advance(2_000 + 3 * 500)
    const running = await read()
    expect(running.status).toBe('in_progress')
    expect(running.result_counts.total).toBe(3)
    expect(await everyPage(`${runPath}/output_items`, 2)).toHaveLength(3)

    sb.clock.advance(evaluation.items * 500)
    const done = await read()
    expect(done.status).toBe('completed')
    const items = await everyPage<EvalRunOutputItem>(`${runPath}/output_items`, 100)
    expect(items).toHaveLength(evaluation.items)
    const count = (status: string) => items.filter((item) => item.status === status).length
    expect(done.result_counts).toEqual({
      total: evaluation.items,
      passed: count('pass'),
      failed: count('fail'),
      errored: count('error'),
    })
    for (const criterion of done.per_testing_criteria_results) {
      const graded = items.flatMap((item) =>
        item.results.filter((r) => r.name === criterion.testing_criteria),
      )
      expect(criterion.passed).toBe(graded.filter((r) => r.passed).length)
      expect(criterion.failed).toBe(graded.filter((r) => !r.passed).length)
    }
    const one = await request<EvalRunOutputItem>(`${runPath}/output_items/${items[2]!.id}`)
    expect(one.body).toEqual(items[2])
    expect(one.body.datasource_item).toHaveProperty('input')
    // A finished run cannot be canceled.
    const again = await request<OpenAIErrorResponse>(runPath, { method: 'POST' })
    expect(again.status).toBe(400)
    expect(again.body.error.type).toBe('invalid_request_error')
  })

  it('cancel: a running run stops where it is, answers canceled and stays so', async () => {
    const { sb, request } = await open({ runs: 0 })
    const evalId = sb.catalog.openai.evals[0]!.id
    const created = await request<EvalRun>(`/evals/${evalId}/runs`, {
      method: 'POST',
      body: JSON.stringify({ data_source: sb.catalog.openai.dataSource }),
    })
    const runPath = `/evals/${evalId}/runs/${created.body.id}`
    sb.clock.advance(2_000 + 2 * 500)
    const canceled = await request<EvalRun>(runPath, { method: 'POST' })
    expect(canceled.status).toBe(200)
    expect(canceled.body).toMatchObject({ id: created.body.id, status: 'canceled' })
    expect(canceled.body.result_counts.total).toBe(2)
    sb.clock.advance(3_600_000)
    expect((await request<EvalRun>(runPath)).body).toMatchObject({
      status: 'canceled',
      result_counts: { total: 2 },
    })
    expect((await request(runPath, { method: 'POST' })).status).toBe(400)
  })

  it('seeded runs move too, and failed ones carry an error', async () => {
    const { sb, everyPage } = await open({ runs: 200, suites: 2 })
    const evalId = sb.catalog.openai.evals[0]!.id
    const before = await everyPage<EvalRun>(`/evals/${evalId}/runs`, 100)
    sb.clock.advance(3_600_000)
    const after = await everyPage<EvalRun>(`/evals/${evalId}/runs`, 100)
    expect(before.some((run) => run.status === 'queued' || run.status === 'in_progress')).toBe(true)
    expect(new Set(after.map((run) => run.status))).toEqual(new Set(['completed', 'failed', 'canceled']))
    for (const run of after) {
      expect(run.error.code !== '').toBe(run.status === 'failed')
      expect(run.result_counts.total).toBe(
        run.result_counts.passed + run.result_counts.failed + run.result_counts.errored,
      )
    }
  })
})

describe('OpenAI sandbox: auth and errors', () => {
  it('answers 401 in OpenAI error shape without a key, with a wrong one, or with the key in another header', async () => {
    const { sb, request } = await open({ runs: 2 })
    const key = sb.apiKeys.openai
    for (const headers of <Array<Record<string, string>>>[
      { Authorization: '' },
      { Authorization: 'Bearer wrong' },
      { Authorization: key },
      { Authorization: `Basic ${key}` },
      { Authorization: '', 'X-API-Key': key },
    ]) {
      const answer = await request<OpenAIErrorResponse>('/evals', { headers })
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual({
        error: {
          message: expect.any(String),
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      })
      expect(JSON.stringify(answer.body)).not.toContain(key)
    }
    expect((await request('/evals', { headers: { Authorization: `bearer ${key}` } })).status).toBe(200)
    expect((await request('/evals')).status).toBe(200)
  })

  it('the other vendors keep their own headers', async () => {
    const { sb } = await open({ runs: 0, apiKeys: { openai: 'custom-key' } })
    expect(sb.apiKeys.openai).toBe('custom-key')
    const humanloop = await fetch(`${sb.urls.humanloop}/evaluations/evr_x`, {
      headers: { 'X-API-KEY': sb.apiKeys.humanloop },
    })
    expect(humanloop.status).toBe(404)
    const bearerOnly = await fetch(`${sb.urls.humanloop}/evaluations/evr_x`, {
      headers: { Authorization: `Bearer ${sb.apiKeys.humanloop}` },
    })
    expect(bearerOnly.status).toBe(401)
  })

  it('404 for unknown ids, and 429/5xx faults in OpenAI error shape', async () => {
    const { sb, request } = await open({ runs: 2 })
    const evalId = sb.catalog.openai.evals[0]!.id
    for (const path of [
      '/evals/eval_nope',
      `/evals/${evalId}/runs/evalrun_nope`,
      `/evals/${evalId}/runs/evalrun_nope/output_items`,
    ]) {
      const answer = await request<OpenAIErrorResponse>(path)
      expect(answer.status).toBe(404)
      expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', code: null })
    }
    sb.setFaults({ rate: 1, kinds: ['429'], vendors: ['openai'], retryAfterSeconds: 3 })
    const limited = await fetch(`${sb.urls.openai}/evals`, {
      headers: { Authorization: `Bearer ${sb.apiKeys.openai}` },
    })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(await limited.json()).toEqual({
      error: { message: expect.any(String), type: 'requests', param: null, code: 'rate_limit_exceeded' },
    })
    sb.setFaults({ rate: 1, kinds: ['503'], vendors: ['openai'] })
    const unavailable = await request<OpenAIErrorResponse>('/evals')
    expect(unavailable.status).toBe(503)
    expect(unavailable.body.error.type).toBe('server_error')
  })

  it('malformed JSON, a non-JSON body, a wrong method and an unknown path answer in OpenAI error shape', async () => {
    const { sb, request } = await open({ runs: 0 })
    const runs = `/evals/${sb.catalog.openai.evals[0]!.id}/runs`
    const malformed = await request<OpenAIErrorResponse>(runs, { method: 'POST', body: '{"data_source":' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.error.type).toBe('invalid_request_error')
    const text = await fetch(`${sb.urls.openai}${runs}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sb.apiKeys.openai}`, 'Content-Type': 'text/plain' },
      body: 'hello',
    })
    expect(text.status).toBe(400)
    const put = await fetch(`${sb.urls.openai}/evals`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${sb.apiKeys.openai}` },
    })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, OPTIONS')
    expect(((await put.json()) as OpenAIErrorResponse).error.message).toMatch(/PUT/)
    const unknown = await request<OpenAIErrorResponse>('/vector_stores')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toMatchObject({ type: 'invalid_request_error' })
  })
})

describe('OpenAI sandbox: seeded data', () => {
  it('the same seed gives the same evals, runs and output items; another seed other ones', async () => {
    const snapshot = async (seed: number) => {
      const { sb, everyPage } = await open({ seed, runs: 12 })
      const evals = await everyPage<Eval>('/evals', 20)
      const runs = await everyPage<EvalRun>(`/evals/${evals[0]!.id}/runs`, 20)
      const items = await everyPage(`/evals/${evals[0]!.id}/runs/${runs.at(-1)!.id}/output_items`, 20)
      return {
        catalog: sb.catalog.openai,
        evals,
        runs,
        items,
        start: sb.sampleStartInputs().find((input) => input.vendor === 'openai'),
      }
    }
    const a = await snapshot(5)
    expect(await snapshot(5)).toEqual(a)
    expect((await snapshot(6)).runs).not.toEqual(a.runs)
    expect(a.evals[0]!.testing_criteria.map((criterion) => criterion.type)).toEqual(
      expect.arrayContaining(['string_check', 'label_model', 'score_model']),
    )
    expect(a.start).toMatchObject({ vendor: 'openai', evalId: a.catalog.evals[0]!.id })
    expect(a.catalog.dataSource.source.content.length).toBeGreaterThan(0)
  })

  it('clientOptions and env point at the OpenAI prefix', async () => {
    const { sb } = await open({ runs: 0 })
    expect(sb.clientOptions.openai).toEqual({ apiKey: 'sandbox-openai-key', baseUrl: sb.urls.openai })
    expect(sb.urls.openai).toMatch(/\/openai\/v1$/)
    expect(sb.env).toMatchObject({ OPENAI_BASE_URL: sb.urls.openai, OPENAI_API_KEY: 'sandbox-openai-key' })
  })
})
