import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPhoenixClient, EvalrunApiError, EvalrunInvalidConfigError, request } from '../src/index.js'

const API_KEY = 'phx-test-key-0123456789'
const EMPTY_PAGE = { data: [], next_cursor: null }

afterEach(() => vi.unstubAllEnvs())

function recording(answer: () => Response) {
  const requests: Request[] = []
  const fetch = async (input: Request) => {
    requests.push(input)
    return answer()
  }
  return { requests, fetch }
}

describe('createPhoenixClient', () => {
  it('sends the key as a bearer token to http://localhost:6006 by default', async () => {
    const { requests, fetch } = recording(() => Response.json(EMPTY_PAGE))
    const client = createPhoenixClient({ apiKey: API_KEY, fetch, env: {} })
    await request(client, 'GET', '/v1/datasets', { params: { query: { limit: 100 } } })
    expect(requests[0]?.url).toBe('http://localhost:6006/v1/datasets?limit=100')
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`)
    expect(requests[0]?.headers.get('user-agent')).toMatch(/^@evalrun\/phoenix\//)
  })

  it('reads PHOENIX_HOST and PHOENIX_API_KEY, as Phoenix’s own client does', async () => {
    const { requests, fetch } = recording(() => Response.json(EMPTY_PAGE))
    const client = createPhoenixClient({
      fetch,
      env: { PHOENIX_HOST: 'https://phoenix.internal.example', PHOENIX_API_KEY: API_KEY },
    })
    await request(client, 'GET', '/v1/datasets/{dataset_id}/experiments', {
      params: { path: { dataset_id: 'RGF0YXNldDox' } },
    })
    expect(requests[0]?.url).toBe('https://phoenix.internal.example/v1/datasets/RGF0YXNldDox/experiments')
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`)
  })

  it('sends no Authorization at all without a key (a self-hosted server with auth off)', async () => {
    const { requests, fetch } = recording(() => Response.json(EMPTY_PAGE))
    const client = createPhoenixClient({ fetch, env: { PHOENIX_HOST: 'http://127.0.0.1:6006' } })
    await request(client, 'GET', '/v1/datasets')
    expect(requests[0]?.headers.has('authorization')).toBe(false)
  })

  it('refuses an empty or multi-line key without echoing it', () => {
    expect(() => createPhoenixClient({ apiKey: ' ', env: {} })).toThrow(
      /Phoenix API key from `apiKey` is empty/,
    )
    const error = (() => {
      try {
        createPhoenixClient({ env: { PHOENIX_API_KEY: `${API_KEY}\nx` } })
      } catch (caught) {
        return caught
      }
    })()
    expect(EvalrunInvalidConfigError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('PHOENIX_API_KEY contains a line break')
    expect((error as Error).message).not.toContain(API_KEY)
  })

  it("reads Phoenix's text/plain error body, without the key", async () => {
    const { fetch } = recording(
      () =>
        new Response(`Experiment not found for ${API_KEY}`, {
          status: 404,
          headers: { 'content-type': 'text/plain' },
        }),
    )
    const client = createPhoenixClient({ apiKey: API_KEY, fetch, retry: false, env: {} })
    const error = await request(client, 'GET', '/v1/experiments/{experiment_id}', {
      params: { path: { experiment_id: 'RXhwZXJpbWVudDo5OQ==' } },
    }).catch((caught: unknown) => caught)
    expect(EvalrunApiError.isInstance(error)).toBe(true)
    const apiError = error as EvalrunApiError
    expect(apiError.status).toBe(404)
    expect(apiError.vendor).toBe('phoenix')
    expect(apiError.message).toContain('Experiment not found')
    for (const text of [apiError.message, JSON.stringify(apiError)]) expect(text).not.toContain(API_KEY)
  })

  it('parses the JSON export although the spec declares it text/plain', async () => {
    const records = [{ example_id: 'RGF0YXNldEV4YW1wbGU6MQ==', repetition_number: 1, annotations: [] }]
    const { fetch } = recording(
      () => new Response(JSON.stringify(records), { headers: { 'content-type': 'text/plain' } }),
    )
    const client = createPhoenixClient({ fetch, env: {} })
    const data: unknown = await request(client, 'GET', '/v1/experiments/{experiment_id}/json', {
      params: { path: { experiment_id: 'RXhwZXJpbWVudDox' } },
    })
    expect(data).toEqual(records)
  })
})
