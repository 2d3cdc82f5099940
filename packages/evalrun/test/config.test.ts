import { collect, fakeFetch, json } from '@evalrun/test-support'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEvalrun, EvalrunInvalidConfigError, EvalrunInvalidInputError } from '../src/index.js'

afterEach(() => vi.unstubAllEnvs())

function stubVendorEnv() {
  vi.stubEnv('DATALAB_API_KEY', 'dl-env-key')
  vi.stubEnv('DATALAB_BASE_URL', 'http://127.0.0.1:9/dl')
  vi.stubEnv('PROMPTLAYER_API_KEY', '')
  vi.stubEnv('HUMANLOOP_API_KEY', 'hl-env-key')
  vi.stubEnv('HUMANLOOP_BASE_URL', 'http://127.0.0.1:9/hl')
  vi.stubEnv('HUMANLOOP_FILE_IDS', ' pr_a, pr_b ,,')
}

describe('createEvalrun configuration', () => {
  it('configures vendors from the environment, HUMANLOOP_FILE_IDS included', async () => {
    stubVendorEnv()
    const { fetch, requests } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': () => json({ batch_runs: [], total: 0 }),
      'GET /hl/evaluations': () => json({ records: [], page: 1, size: 100, total: 0 }),
    })
    const evalrun = createEvalrun({ fetch })
    expect(evalrun.vendors).toEqual(['datalab', 'humanloop'])
    await collect(evalrun.runs.list())
    expect(requests.find((r) => r.url.pathname.startsWith('/dl'))?.url.host).toBe('127.0.0.1:9')
    const fileIds = requests
      .filter((r) => r.url.pathname === '/hl/evaluations')
      .map((r) => r.url.searchParams.get('file_id'))
    expect(fileIds).toEqual(['pr_a', 'pr_b'])
  })

  it("reads an injected env (a Worker's bindings) instead of process.env", async () => {
    vi.stubEnv('DATALAB_API_KEY', 'from-process')
    const env = {
      HUMANLOOP_API_KEY: 'hl-bound-key',
      HUMANLOOP_BASE_URL: 'http://127.0.0.1:9/hl',
      HUMANLOOP_FILE_IDS: 'pr_x',
    }
    const keys: Array<string | null> = []
    const { fetch: route, requests } = fakeFetch({
      'GET /hl/evaluations': () => json({ records: [], page: 1, size: 100, total: 0 }),
    })
    const fetch = (request: Request) => {
      keys.push(request.headers.get('x-api-key'))
      return route(request)
    }
    const evalrun = createEvalrun({ fetch, env })
    expect(evalrun.vendors).toEqual(['humanloop'])
    await collect(evalrun.runs.list())
    expect(requests.map((r) => r.url.searchParams.get('file_id'))).toEqual(['pr_x'])
    expect(keys).toEqual(['hl-bound-key'])
  })

  it('sends each vendor its own key header', async () => {
    stubVendorEnv()
    const seen: Record<string, string | null> = {}
    const evalrun = createEvalrun({
      fetch: async (request) => {
        const path = new URL(request.url).pathname
        seen[path.split('/')[1] ?? ''] = request.headers.get('x-api-key')
        return path.startsWith('/dl')
          ? json({ batch_runs: [], total: 0 })
          : json({ records: [], page: 1, size: 100, total: 0 })
      },
    })
    await collect(evalrun.runs.list())
    expect(seen).toEqual({ dl: 'dl-env-key', hl: 'hl-env-key' })
  })

  it('lets options override the environment, and false turn a vendor off', () => {
    stubVendorEnv()
    const evalrun = createEvalrun({ datalab: false, promptlayer: { apiKey: 'pl-key' } })
    expect(evalrun.vendors).toEqual(['promptlayer', 'humanloop'])
  })

  it('fails fast on a malformed key or unsafe URL, and on bad file ids', () => {
    expect(() => createEvalrun({ datalab: { apiKey: 'has space' } })).toThrow(EvalrunInvalidConfigError)
    expect(() => createEvalrun({ datalab: { apiKey: 'k', baseUrl: 'http://example.com' } })).toThrow(
      /in clear/,
    )
    expect(() => createEvalrun({ humanloop: { apiKey: 'k', fileIds: [''] } })).toThrow(
      EvalrunInvalidInputError,
    )
  })
})
