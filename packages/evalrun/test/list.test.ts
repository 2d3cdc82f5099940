import { collect, fakeFetch, json } from '@evalrun/test-support'
import { describe, expect, it, vi } from 'vitest'
import {
  createEvalrun,
  type EvalRun,
  EvalrunApiError,
  EvalrunInvalidInputError,
  EvalrunListError,
  EvalrunNotConfiguredError,
  newestRuns,
} from '../src/index.js'
import { datalabRun } from './fixtures/datalab.js'
import { humanloopEvaluation, humanloopRuns, humanloopStats } from './fixtures/humanloop.js'
import { promptlayerList, promptlayerPipeline, promptlayerRunCompleted } from './fixtures/promptlayer.js'
import { vendorOptions } from './helpers/vendor-options.js'

/** `count` Datalab runs, newest (highest id) first, served with limit/offset like Datalab. */
function datalabRoutes(count: number, firstId = 1) {
  const ids = Array.from({ length: count }, (_, i) => firstId + count - 1 - i)
  return {
    ids,
    route: ({ url }: { url: URL }) => {
      const limit = Number(url.searchParams.get('limit'))
      const offset = Number(url.searchParams.get('offset'))
      return json({
        batch_runs: ids.slice(offset, offset + limit).map((id) => datalabRun(id)),
        total: ids.length,
      })
    },
  }
}

const emptyPromptLayer = () => json(promptlayerList([], 1, 0))
const emptyHumanloop = () => json({ records: [], page: 1, size: 100, total: 0 })

describe('runs.list', () => {
  it('pages through Datalab 200 at a time, lazily', async () => {
    const datalab = datalabRoutes(450)
    const { fetch, requests } = fakeFetch({ 'GET /dl/api/v1/eval_batch_runs': datalab.route })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), promptlayer: false, humanloop: false })
    const refs: string[] = []
    for await (const run of evalrun.runs.list()) {
      refs.push(run.ref)
      // Only the first page has been read while its runs are handed out.
      if (refs.length === 150) expect(requests).toHaveLength(1)
    }
    expect(refs).toEqual(datalab.ids.map((id) => `datalab:${id}`))
    expect(requests.map((r) => r.url.searchParams.get('offset'))).toEqual(['0', '200', '400'])
    expect(requests.every((r) => r.url.searchParams.get('limit') === '200')).toBe(true)
  })

  it('drops runs seen twice when new runs shift the pages', async () => {
    let created = 0
    const { fetch } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': ({ url }) => {
        const offset = Number(url.searchParams.get('offset'))
        // Five runs are created after the first page was read: the second page starts five runs early.
        if (offset > 0) created = 5
        const ids = Array.from({ length: 300 + created }, (_, i) => 300 + created - i)
        return json({
          batch_runs: ids.slice(offset, offset + 200).map((id) => datalabRun(id)),
          total: ids.length,
        })
      },
    })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), promptlayer: false, humanloop: false })
    const refs = (await collect(evalrun.runs.list())).map((run) => run.ref)
    expect(new Set(refs).size).toBe(refs.length)
    // Runs 1..300 that existed when the listing began are all there.
    for (let id = 1; id <= 300; id++) expect(refs).toContain(`datalab:${id}`)
  })

  it('lists all three vendors concurrently, runs nested under PromptLayer pipelines, Humanloop per file', async () => {
    const { fetch, requests } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': datalabRoutes(3).route,
      'GET /pl/api/public/v2/evaluations': ({ url }) => {
        expect(url.searchParams.get('include_runs')).toBe('true')
        expect(url.searchParams.get('per_page')).toBe('20')
        const page = Number(url.searchParams.get('page'))
        const pipelines =
          page === 1
            ? [
                promptlayerPipeline(5001, [
                  promptlayerRunCompleted,
                  { ...promptlayerRunCompleted, id: 5122 },
                ]),
                // A batch run listed at the top level too: taken from under its pipeline only.
                { ...promptlayerRunCompleted, is_blueprint: false, runs: undefined },
              ]
            : [promptlayerPipeline(5002, [{ ...promptlayerRunCompleted, id: 5200, parent_report_id: 5002 }])]
        return json(promptlayerList(pipelines, page, 2))
      },
      'GET /hl/evaluations': ({ url }) => {
        expect(url.searchParams.get('file_id')).toBe('pr_support')
        return json({ records: [humanloopEvaluation], page: 1, size: 100, total: 1 })
      },
      'GET /hl/evaluations/{id}/runs': () => json(humanloopRuns),
      'GET /hl/evaluations/{id}/stats': () => json(humanloopStats),
    })
    const evalrun = createEvalrun(vendorOptions(fetch))
    expect(evalrun.vendors).toEqual(['datalab', 'promptlayer', 'humanloop'])
    const runs = await collect(evalrun.runs.list())
    expect(runs.map((run) => run.ref).sort()).toEqual(
      [
        'datalab:1',
        'datalab:2',
        'datalab:3',
        'humanloop:evr_7Kq2/run_A1',
        'humanloop:evr_7Kq2/run_B2',
        'promptlayer:5120',
        'promptlayer:5122',
        'promptlayer:5200',
      ].sort(),
    )
    const humanloopRun = runs.find((run) => run.ref === 'humanloop:evr_7Kq2/run_A1')
    expect(humanloopRun?.metrics).toHaveLength(3)
    expect(requests.filter((r) => r.url.pathname.endsWith('/stats'))).toHaveLength(1)
  })

  it('filters by status, since and limit, and stops requesting at the limit', async () => {
    const datalab = datalabRoutes(1000)
    const { fetch, requests } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': datalab.route,
    })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), promptlayer: false, humanloop: false })
    const limited = await collect(evalrun.runs.list({ limit: 5 }))
    expect(limited.map((run) => run.id)).toEqual(['1000', '999', '998', '997', '996'])
    expect(requests).toHaveLength(1)

    expect(await collect(evalrun.runs.list({ status: 'running', limit: 3 }))).toEqual([])
    const since = await collect(evalrun.runs.list({ since: '2027-01-01T00:00:00Z', limit: 3 }))
    expect(since).toEqual([])
  })

  it('checks every option before sending anything', () => {
    const { fetch, requests } = fakeFetch({})
    const evalrun = createEvalrun(vendorOptions(fetch))
    const bad: [Record<string, unknown>, string][] = [
      [{ limit: 0 }, 'limit'],
      [{ limit: 1.5 }, 'limit'],
      [{ since: 'last week' }, 'since'],
      [{ since: new Date(Number.NaN) }, 'since'],
      [{ vendors: ['acme'] }, 'vendors[0]'],
      [{ vendors: [] }, 'vendors'],
      [{ status: 'done' }, 'status'],
      [{ suite: 'nope' }, 'suite'],
      [{ suite: 'datalab:abc' }, 'suite'],
      [{ suite: 'humanloop:ev_1', vendors: ['datalab'] }, 'suite'],
      [{ limt: 5 }, 'limt'],
    ]
    for (const [options, field] of bad) {
      let caught: unknown
      try {
        evalrun.runs.list(options as never)
      } catch (error) {
        caught = error
      }
      expect(EvalrunInvalidInputError.isInstance(caught), JSON.stringify(options)).toBe(true)
      expect((caught as EvalrunInvalidInputError).field).toBe(field)
    }
    expect(requests).toEqual([])
  })

  it('requires Humanloop file ids or a suite, before sending anything', () => {
    const { fetch, requests } = fakeFetch({})
    const evalrun = createEvalrun(vendorOptions(fetch, []))
    expect(() => evalrun.runs.list()).toThrow(EvalrunNotConfiguredError)
    expect(() => evalrun.runs.list()).toThrow(/HUMANLOOP_FILE_IDS/)
    expect(() => evalrun.runs.list({ suite: 'humanloop:evr_7Kq2' })).not.toThrow()
    expect(() => evalrun.runs.list({ vendors: ['datalab'] })).not.toThrow()
    expect(requests).toEqual([])
  })

  it('says when a vendor is not configured', () => {
    vi.stubEnv('HUMANLOOP_API_KEY', '')
    const evalrun = createEvalrun({ datalab: { apiKey: 'k' } })
    expect(evalrun.vendors).toEqual(['datalab'])
    expect(() => evalrun.runs.list({ vendors: ['humanloop'] })).toThrow(
      'Humanloop is not configured: pass `humanloop: { apiKey }` to createEvalrun() or set HUMANLOOP_API_KEY.',
    )
    vi.unstubAllEnvs()
  })

  it("names a credential's alternatives when the vendor is not configured (OpenAI on Azure)", () => {
    const evalrun = createEvalrun({ env: {}, datalab: { apiKey: 'k' } })
    expect(() => evalrun.runs.list({ vendors: ['openai'] })).toThrow(
      'OpenAI is not configured: pass `openai: { apiKey }` to createEvalrun() or set OPENAI_API_KEY; or instead `azureApiKey` (or AZURE_OPENAI_API_KEY) with `baseUrl` (or AZURE_OPENAI_ENDPOINT), or `azureAdTokenProvider` with `baseUrl` (or AZURE_OPENAI_ENDPOINT).',
    )
  })

  it('delivers the other vendors when one fails, then throws an EvalrunListError', async () => {
    const { fetch } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': datalabRoutes(250).route,
      'GET /pl/api/public/v2/evaluations': () =>
        json({ success: false, message: 'Invalid workspace_id' }, 400),
      'GET /hl/evaluations': emptyHumanloop,
    })
    const evalrun = createEvalrun(vendorOptions(fetch))
    const seen: string[] = []
    let caught: unknown
    try {
      for await (const run of evalrun.runs.list()) seen.push(run.ref)
    } catch (error) {
      caught = error
    }
    expect(seen).toHaveLength(250)
    expect(EvalrunListError.isInstance(caught)).toBe(true)
    const listError = caught as EvalrunListError
    expect(listError.failures).toHaveLength(1)
    expect(listError.failures[0]?.vendor).toBe('promptlayer')
    expect(EvalrunApiError.isInstance(listError.failures[0]?.error)).toBe(true)
    expect(listError.partial.yielded).toBe(250)
    expect(listError.partial.completedVendors.sort()).toEqual(['datalab', 'humanloop'])
    expect(listError.message).toContain('promptlayer: PromptLayer answered 400')
  })

  it('names the page that could not be had in the EvalrunListError', async () => {
    const datalab = datalabRoutes(450)
    const { fetch } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': (request) =>
        request.url.searchParams.get('offset') === '200'
          ? json({ detail: 'overloaded' }, 503)
          : datalab.route(request),
    })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), promptlayer: false, humanloop: false })
    const seen: string[] = []
    const error = await (async () => {
      for await (const run of evalrun.runs.list()) seen.push(run.ref)
    })().catch((e: unknown) => e)
    expect(seen).toHaveLength(200)
    expect((error as EvalrunListError).message).toContain('datalab: Datalab answered 503')
    expect((error as EvalrunListError).message).toMatch(
      /\[failed page: GET \/dl\/api\/v1\/eval_batch_runs\?limit=200&offset=200\]/,
    )
    // The 200 runs came from the failed vendor itself, before its failure: the message must not say "others".
    expect((error as EvalrunListError).message).toContain(
      "200 runs were delivered (the other vendors' in full, a failed vendor's up to its failure)",
    )
  })

  it('reports a vendor that failed before the limit was reached', async () => {
    let promptlayerAnswered: () => void = () => {}
    const answered = new Promise<void>((resolve) => {
      promptlayerAnswered = resolve
    })
    const { fetch } = fakeFetch({
      // Datalab answers only once PromptLayer's failure has had a few event-loop turns to arrive, so the failure
      // is known before the limit is reached.
      'GET /dl/api/v1/eval_batch_runs': async (request) => {
        await answered
        for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 0))
        return datalabRoutes(50).route(request)
      },
      'GET /pl/api/public/v2/evaluations': () => {
        promptlayerAnswered()
        return json({ message: 'nope' }, 401)
      },
    })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), humanloop: false })
    const seen: string[] = []
    const error = await (async () => {
      for await (const run of evalrun.runs.list({ limit: 10 })) seen.push(run.ref)
    })().catch((e: unknown) => e)
    expect(seen).toHaveLength(10)
    expect((error as EvalrunListError).failures.map((f) => f.vendor)).toEqual(['promptlayer'])
  })

  it('passes failures to onError instead, when given', async () => {
    const { fetch } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': () => json({ detail: 'boom' }, 500),
      'GET /pl/api/public/v2/evaluations': emptyPromptLayer,
      'GET /hl/evaluations': emptyHumanloop,
    })
    const onError = vi.fn()
    const evalrun = createEvalrun(vendorOptions(fetch))
    expect(await collect(evalrun.runs.list({ onError }))).toEqual([])
    expect(onError).toHaveBeenCalledOnce()
    expect(onError.mock.calls[0]?.[1]).toBe('datalab')
  })

  it('stops at once when aborted', async () => {
    const controller = new AbortController()
    const { fetch } = fakeFetch({ 'GET /dl/api/v1/eval_batch_runs': datalabRoutes(450).route })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), promptlayer: false, humanloop: false })
    const seen: string[] = []
    const listing = (async () => {
      for await (const run of evalrun.runs.list({ signal: controller.signal })) {
        seen.push(run.ref)
        if (seen.length === 10) controller.abort(new Error('enough'))
      }
    })()
    await expect(listing).rejects.toThrow('enough')
    expect(seen).toHaveLength(10)
  })

  it('keeps runs created since a date', async () => {
    const { fetch } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': () =>
        json({
          batch_runs: [
            datalabRun(3, { created: '2026-03-03T00:00:00Z' }),
            datalabRun(2, { created: '2026-03-02T00:00:00Z' }),
            datalabRun(1, { created: null }),
          ],
          total: 3,
        }),
    })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), promptlayer: false, humanloop: false })
    const runs = await collect(evalrun.runs.list({ since: new Date('2026-03-02T12:00:00Z') }))
    // Run 1's creation time is unknown: kept rather than silently dropped.
    expect(runs.map((run) => run.id)).toEqual(['3', '1'])
  })

  it('lists Humanloop runs without stats when the stats cannot be read, with a warning', async () => {
    const { fetch } = fakeFetch({
      'GET /hl/evaluations': () => json({ records: [humanloopEvaluation], page: 1, size: 100, total: 1 }),
      'GET /hl/evaluations/{id}/runs': () => json(humanloopRuns),
      'GET /hl/evaluations/{id}/stats': () => json({ detail: 'stats unavailable' }, 500),
    })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), datalab: false, promptlayer: false })
    const runs = await collect(evalrun.runs.list())
    expect(runs).toHaveLength(2)
    expect(runs[0]?.metrics).toEqual([])
    expect(runs[0]?.warnings[0]).toMatch(/^Stats could not be read \(Humanloop answered 500/)
  })

  it('lists one Humanloop evaluation by suite without file ids', async () => {
    const { fetch, requests } = fakeFetch({
      'GET /hl/evaluations/{id}': () => json(humanloopEvaluation),
      'GET /hl/evaluations/{id}/runs': () => json(humanloopRuns),
      'GET /hl/evaluations/{id}/stats': () => json(humanloopStats),
    })
    const evalrun = createEvalrun(vendorOptions(fetch, []))
    const runs = await collect(evalrun.runs.list({ suite: 'humanloop:evr_7Kq2' }))
    expect(runs.map((run) => run.ref)).toEqual(['humanloop:evr_7Kq2/run_A1', 'humanloop:evr_7Kq2/run_B2'])
    expect(requests.every((r) => r.url.pathname.startsWith('/hl/evaluations/evr_7Kq2'))).toBe(true)
  })
})

describe('newestRuns', () => {
  const at = (ref: string, iso: string | null) =>
    ({ ref, createdAt: iso === null ? null : new Date(iso) }) as unknown as EvalRun

  async function* stream(runs: EvalRun[]): AsyncIterable<EvalRun> {
    yield* runs
  }

  it('returns the n newest across an unordered listing, newest first, undated last', async () => {
    const runs = [
      at('datalab:1', '2026-01-01T00:00:00Z'),
      at('openai:e/a', '2026-03-01T00:00:00Z'),
      at('promptlayer:7', null),
      at('humanloop:e/r', '2026-02-01T00:00:00Z'),
      at('datalab:2', '2026-04-01T00:00:00Z'),
      at('openai:e/b', '2026-01-15T00:00:00Z'),
    ]
    expect((await newestRuns(stream(runs), 3)).map((run) => run.ref)).toEqual([
      'datalab:2',
      'openai:e/a',
      'humanloop:e/r',
    ])
    expect((await newestRuns(stream(runs), 10)).map((run) => run.ref).at(-1)).toBe('promptlayer:7')
  })

  it('finds the newest of a long listing, across its periodic cuts', async () => {
    const dates: string[] = []
    async function* many(): AsyncIterable<EvalRun> {
      for (let i = 0; i < 10_000; i++) {
        const iso = new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 10_000) * 60_000).toISOString()
        dates.push(iso)
        yield at(`datalab:${i}`, iso)
      }
    }
    const newest = await newestRuns(many(), 5)
    expect(newest.map((run) => run.createdAt?.toISOString())).toEqual(dates.sort().reverse().slice(0, 5))
  })
})
