import { readFileSync } from 'node:fs'
import { startLoopbackServer } from '@evalrun/test-support'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHumanloopClient, type EvaluationRun, request, VERSION } from '../src/index.js'

const KEY = 'hl-test-key-123'
const run: EvaluationRun = {
  id: 'rn_1',
  orchestrated: true,
  added_at: '2026-11-20T10:00:00Z',
  created_at: '2026-11-20T10:00:00Z',
  status: 'running',
  control: false,
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('createHumanloopClient', () => {
  it('keeps /v5 in the default base URL and repeats run_id in the logs query', async () => {
    const requests: Request[] = []
    const client = createHumanloopClient({
      apiKey: KEY,
      fetch: async (request) => {
        requests.push(request)
        return Response.json({ records: [], page: 2, size: 50, total: 0 })
      },
    })
    await client.GET('/evaluations/{id}/logs', {
      params: { path: { id: 'evr_1' }, query: { page: 2, size: 50, run_id: ['rn_1', 'rn_2'] } },
    })
    expect(requests[0]?.url).toBe(
      'https://api.humanloop.com/v5/evaluations/evr_1/logs?page=2&size=50&run_id=rn_1&run_id=rn_2',
    )
    expect(requests[0]?.headers.get('x-api-key')).toBe(KEY)
  })

  it('reads HUMANLOOP_API_KEY and HUMANLOOP_BASE_URL, and names the env var when missing', async () => {
    vi.stubEnv('HUMANLOOP_API_KEY', '')
    expect(() => createHumanloopClient()).toThrow(/HUMANLOOP_API_KEY/)
    vi.stubEnv('HUMANLOOP_API_KEY', KEY)
    vi.stubEnv('HUMANLOOP_BASE_URL', 'http://127.0.0.1:9/humanloop/v5')
    const seen: Array<{ url: string; body: string }> = []
    const client = createHumanloopClient({
      fetch: async (request) => {
        seen.push({ url: request.url, body: await request.text() })
        return Response.json({ ...run, status: 'cancelled' })
      },
    })
    const { data } = await client.PATCH('/evaluations/{id}/runs/{run_id}', {
      params: { path: { id: 'evr_1', run_id: 'rn_1' } },
      body: { status: 'cancelled' },
    })
    expect(data?.status).toBe('cancelled')
    expect(seen).toEqual([
      { url: 'http://127.0.0.1:9/humanloop/v5/evaluations/evr_1/runs/rn_1', body: '{"status":"cancelled"}' },
    ])
  })

  it('keeps VERSION equal to package.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(VERSION).toBe(manifest.version)
  })

  it('round-trips the runs list and an empty 204 over a real loopback connection', async () => {
    const server = await startLoopbackServer((request) =>
      request.method === 'DELETE' ? { status: 204 } : { status: 200, body: { runs: [run] } },
    )
    try {
      const client = createHumanloopClient({ apiKey: KEY, baseUrl: `${server.url}/v5` })
      const { runs } = await request(client, 'GET', '/evaluations/{id}/runs', {
        params: { path: { id: 'evr_1' } },
      })
      expect(runs.map((r) => r.status)).toEqual(['running'])
      expect(server.requests[0]?.url).toBe('/v5/evaluations/evr_1/runs')
      expect(server.requests[0]?.headers['x-api-key']).toBe(KEY)

      const deleted = await client.DELETE('/evaluations/{id}', { params: { path: { id: 'evr_1' } } })
      expect(deleted.response.status).toBe(204)
      const params = { path: { id: 'evr_1' } }
      expect(await request(client, 'DELETE', '/evaluations/{id}', { params })).toBeUndefined()
    } finally {
      await server.close()
    }
  })
})
