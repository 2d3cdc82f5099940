import { readFileSync } from 'node:fs'
import { startLoopbackServer } from '@evalrun/test-support'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDatalabClient, type EvalBatchRun, EvalrunApiError, request, VERSION } from '../src/index.js'

const KEY = 'dl-test-key-123'
const run: EvalBatchRun = {
  id: 42,
  collection_id: 7,
  eval_rubric_id: 3,
  pipeline_id: null,
  pipeline_type: 'convert',
  status: 'processing',
  started_at: '2026-11-20T10:00:00Z',
  completed_at: null,
  total_files: 12,
  completed_files: 5,
  avg_score: null,
  created: '2026-11-20T09:59:58Z',
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('createDatalabClient', () => {
  it('sends X-API-Key to https://www.datalab.to by default, with list filters in the query', async () => {
    const requests: Request[] = []
    const client = createDatalabClient({
      apiKey: KEY,
      fetch: async (request) => {
        requests.push(request)
        return Response.json({ batch_runs: [run], total: 1 })
      },
    })
    const page = await request(client, 'GET', '/api/v1/eval_batch_runs', {
      params: { query: { collection_id: 7, limit: 200, offset: 400 } },
    })
    expect(page.batch_runs[0]?.status).toBe('processing')
    expect(requests[0]?.url).toBe(
      'https://www.datalab.to/api/v1/eval_batch_runs?collection_id=7&limit=200&offset=400',
    )
    expect(requests[0]?.headers.get('x-api-key')).toBe(KEY)
    expect(requests[0]?.headers.get('user-agent')).toBe(`@evalrun/datalab/${VERSION}`)
  })

  it('reads DATALAB_API_KEY and DATALAB_BASE_URL', async () => {
    vi.stubEnv('DATALAB_API_KEY', KEY)
    vi.stubEnv('DATALAB_BASE_URL', 'http://127.0.0.1:9/datalab')
    const urls: string[] = []
    const client = createDatalabClient({
      fetch: async (request) => {
        urls.push(request.url)
        return Response.json(run)
      },
    })
    await client.GET('/api/v1/eval_batch_runs/{run_id}', { params: { path: { run_id: 42 } } })
    expect(urls).toEqual(['http://127.0.0.1:9/datalab/api/v1/eval_batch_runs/42'])
  })

  it('names DATALAB_API_KEY when no key is configured', () => {
    vi.stubEnv('DATALAB_API_KEY', '')
    expect(() => createDatalabClient()).toThrow(/DATALAB_API_KEY/)
  })

  it('keeps VERSION equal to package.json (the User-Agent reports it)', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(VERSION).toBe(manifest.version)
  })

  it('round-trips a start and a 422 over a real loopback connection', async () => {
    const server = await startLoopbackServer((request) =>
      request.body.includes('"extract"') && !request.body.includes('page_schema')
        ? {
            status: 422,
            body: {
              detail: [{ loc: ['body', 'page_schema'], msg: 'Required for extract', type: 'value_error' }],
            },
          }
        : { status: 200, body: { ...run, status: 'queued' } },
    )
    try {
      const client = createDatalabClient({ apiKey: KEY, baseUrl: server.url })
      const started = await request(client, 'POST', '/api/v1/eval_batch_runs', {
        body: { collection_id: 7, eval_rubric_id: 3 },
      })
      expect(started.status).toBe('queued')
      expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ collection_id: 7, eval_rubric_id: 3 })
      expect(server.requests[0]?.headers['x-api-key']).toBe(KEY)

      const rejected = await client.POST('/api/v1/eval_batch_runs', {
        body: { collection_id: 7, pipeline_type: 'extract' },
      })
      const detail = rejected.error?.detail
      expect(Array.isArray(detail) ? detail[0]?.msg : detail).toBe('Required for extract')
      const thrown = request(client, 'POST', '/api/v1/eval_batch_runs', {
        body: { collection_id: 7, pipeline_type: 'extract' },
      })
      await expect(thrown).rejects.toThrow(EvalrunApiError)
      await expect(thrown).rejects.toThrow(
        'Datalab answered 422 Unprocessable Entity to POST /api/v1/eval_batch_runs: body.page_schema: Required for extract',
      )
    } finally {
      await server.close()
    }
  })
})
