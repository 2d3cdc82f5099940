import { readFileSync } from 'node:fs'
import { startLoopbackServer } from '@evalrun/test-support'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPromptLayerClient, EvalrunApiError, request, VERSION } from '../src/index.js'

const KEY = 'pl-test-key-123'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('createPromptLayerClient', () => {
  it('sends X-API-KEY to https://api.promptlayer.com with every list filter serialised', async () => {
    const requests: Request[] = []
    const client = createPromptLayerClient({
      apiKey: KEY,
      fetch: async (request) => {
        requests.push(request)
        return Response.json({
          success: true,
          message: 'ok',
          evaluations: [],
          page: 2,
          per_page: 100,
          total: 0,
          pages: 0,
        })
      },
    })
    await client.GET('/api/public/v2/evaluations', {
      params: {
        query: {
          include_runs: true,
          page: 2,
          per_page: 100,
          status: 'all',
          sort_by: 'created_at',
          sort_order: 'desc',
          created_after: '2026-11-01T00:00:00Z',
        },
      },
    })
    const url = new URL(requests[0]?.url ?? '')
    expect(url.origin + url.pathname).toBe('https://api.promptlayer.com/api/public/v2/evaluations')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      include_runs: 'true',
      page: '2',
      per_page: '100',
      status: 'all',
      sort_by: 'created_at',
      sort_order: 'desc',
      created_after: '2026-11-01T00:00:00Z',
    })
    expect(requests[0]?.headers.get('x-api-key')).toBe(KEY)
  })

  it('reads PROMPTLAYER_API_KEY and PROMPTLAYER_BASE_URL, and names the env var when missing', async () => {
    vi.stubEnv('PROMPTLAYER_API_KEY', '')
    expect(() => createPromptLayerClient()).toThrow(/PROMPTLAYER_API_KEY/)
    vi.stubEnv('PROMPTLAYER_API_KEY', KEY)
    vi.stubEnv('PROMPTLAYER_BASE_URL', 'http://localhost:9/promptlayer')
    const urls: string[] = []
    const client = createPromptLayerClient({
      fetch: async (request) => {
        urls.push(request.url)
        return Response.json({ success: true, report_id: 99 }, { status: 201 })
      },
    })
    const { data } = await client.POST('/reports/{report_id}/run', {
      params: { path: { report_id: 12 } },
      body: { name: 'nightly' },
    })
    expect(data?.report_id).toBe(99)
    expect(urls).toEqual(['http://localhost:9/promptlayer/reports/12/run'])
  })

  it('keeps VERSION equal to package.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(VERSION).toBe(manifest.version)
  })

  it('round-trips a report and an ErrorResponse over a real loopback connection', async () => {
    const server = await startLoopbackServer((request) =>
      request.url === '/reports/404'
        ? { status: 404, body: { success: false, message: 'Report not found or not accessible' } }
        : {
            status: 200,
            body: {
              success: true,
              message: 'ok',
              status: 'RUNNING',
              stats: { status_counts: { COMPLETED: 3, FAILED: 1, QUEUED: 4, RUNNING: 2 } },
            },
          },
    )
    try {
      const client = createPromptLayerClient({ apiKey: KEY, baseUrl: server.url })
      const report = await request(client, 'GET', '/reports/{report_id}', {
        params: { path: { report_id: 5 } },
      })
      expect(report.stats?.status_counts.FAILED).toBe(1)
      expect(server.requests[0]?.headers['x-api-key']).toBe(KEY)

      const missing = await client.GET('/reports/{report_id}', { params: { path: { report_id: 404 } } })
      const body = missing.error
      expect(body && 'message' in body ? body.message : undefined).toBe('Report not found or not accessible')
      const thrown = request(client, 'GET', '/reports/{report_id}', { params: { path: { report_id: 404 } } })
      await expect(thrown).rejects.toThrow(EvalrunApiError)
      await expect(thrown).rejects.toThrow('PromptLayer answered 404 Not Found to GET /reports/{report_id}')
    } finally {
      await server.close()
    }
  })
})
