import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createLangfuseClient,
  EvalrunApiError,
  EvalrunInvalidConfigError,
  langfuseDeprecationOf,
  request,
  requestWithHeaders,
} from '../src/index.js'

const PUBLIC_KEY = 'pk-lf-test-0123456789'
const SECRET_KEY = 'sk-lf-test-abcdef0123'
const BASIC = `Basic ${btoa(`${PUBLIC_KEY}:${SECRET_KEY}`)}`
const EMPTY_PAGE = { data: [], meta: {} }

afterEach(() => {
  vi.unstubAllEnvs()
  vi.useRealTimers()
})

function recording(answer: () => Response) {
  const requests: Request[] = []
  const fetch = async (input: Request) => {
    requests.push(input)
    return answer()
  }
  return { requests, fetch }
}

describe('createLangfuseClient', () => {
  it('sends the keys as HTTP basic auth to https://cloud.langfuse.com by default', async () => {
    const { requests, fetch } = recording(() => Response.json(EMPTY_PAGE))
    const client = createLangfuseClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, fetch })
    await request(client, 'GET', '/api/public/experiments', {
      params: { query: { fromStartTime: '2026-11-01T00:00:00.000Z', limit: 100, fields: 'core,scores' } },
    })
    expect(requests[0]?.url).toBe(
      'https://cloud.langfuse.com/api/public/experiments?fromStartTime=2026-11-01T00%3A00%3A00.000Z&limit=100&fields=core%2Cscores',
    )
    expect(requests[0]?.headers.get('authorization')).toBe(BASIC)
    expect(requests[0]?.headers.get('user-agent')).toMatch(/^@evalrun\/langfuse\//)
  })

  it('reads LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY and LANGFUSE_BASE_URL, then LANGFUSE_HOST (a self-hosted Langfuse)', async () => {
    const { requests, fetch } = recording(() => Response.json(EMPTY_PAGE))
    const keys = { LANGFUSE_PUBLIC_KEY: PUBLIC_KEY, LANGFUSE_SECRET_KEY: SECRET_KEY }
    const query = { params: { query: { fromStartTime: '2026-11-01T00:00:00Z' } } }
    await request(
      createLangfuseClient({ fetch, env: { ...keys, LANGFUSE_HOST: 'https://langfuse.internal.example' } }),
      'GET',
      '/api/public/experiments',
      query,
    )
    await request(
      createLangfuseClient({
        fetch,
        env: {
          ...keys,
          LANGFUSE_HOST: 'https://old.example',
          LANGFUSE_BASE_URL: 'https://us.cloud.langfuse.com',
        },
      }),
      'GET',
      '/api/public/experiments',
      query,
    )
    expect(requests.map((r) => new URL(r.url).origin)).toEqual([
      'https://langfuse.internal.example',
      'https://us.cloud.langfuse.com',
    ])
    expect(requests[0]?.headers.get('authorization')).toBe(BASIC)
  })

  it('names both env vars when the keys are missing, and the one that is missing when one is', () => {
    expect(() => createLangfuseClient({ env: {} })).toThrow(/LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY/)
    const oneMissing = (() => {
      try {
        createLangfuseClient({ env: { LANGFUSE_PUBLIC_KEY: PUBLIC_KEY } })
      } catch (error) {
        return error
      }
    })()
    expect(EvalrunInvalidConfigError.isInstance(oneMissing)).toBe(true)
    expect((oneMissing as Error).message).toContain('LANGFUSE_SECRET_KEY')
    expect((oneMissing as Error).message).not.toContain(PUBLIC_KEY)
  })

  it("reads Langfuse's error body, its validation issues included, without either key", async () => {
    const body = {
      message: 'Invalid request data',
      error: [{ code: 'invalid_type', path: ['fromStartTime'], message: 'Required' }],
    }
    const { fetch } = recording(() => Response.json(body, { status: 400 }))
    const client = createLangfuseClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, fetch, retry: false })
    const error = await request(client, 'GET', '/api/public/experiment-items', {
      params: { query: { fromStartTime: 'x', experimentId: 'exp_1' } },
    }).catch((e: unknown) => e)
    expect(EvalrunApiError.isInstance(error)).toBe(true)
    const apiError = error as EvalrunApiError
    expect(apiError.status).toBe(400)
    expect(apiError.vendor).toBe('langfuse')
    expect(apiError.message).toContain('Invalid request data: fromStartTime: Required')
    for (const text of [apiError.message, JSON.stringify(apiError), String(apiError.url)]) {
      expect(text).not.toContain(PUBLIC_KEY)
      expect(text).not.toContain(SECRET_KEY)
      expect(text).not.toContain(BASIC.slice('Basic '.length))
    }
  })

  it("hands out each answer's headers beside its data: the server's clock is its Date", async () => {
    const date = 'Thu, 15 Jan 2026 12:00:00 GMT'
    const fetch = async () => Response.json(EMPTY_PAGE, { headers: { date } })
    const client = createLangfuseClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, fetch })
    const { data, headers } = await requestWithHeaders(client, 'GET', '/api/public/score-configs', {
      params: { query: { page: 1 } },
    })
    expect(data).toEqual(EMPTY_PAGE)
    expect(headers.get('date')).toBe(date)
  })
})

describe('langfuseDeprecationOf', () => {
  it("reads a deprecated endpoint's _deprecation, and nothing else", () => {
    const notice = {
      message: 'Dataset runs are replaced by experiments.',
      replacement: 'GET /api/public/experiments',
      docsUrl: 'https://langfuse.com/docs/v4',
      sunsetAt: '2026-11-16',
    }
    expect(langfuseDeprecationOf({ data: [], _deprecation: notice })).toEqual(notice)
    expect(langfuseDeprecationOf({ _deprecation: { message: 'Going away.' } })).toEqual({
      message: 'Going away.',
      replacement: null,
      docsUrl: null,
      sunsetAt: null,
    })
    for (const body of [
      null,
      'text',
      [],
      { data: [] },
      { _deprecation: null },
      { _deprecation: { message: 3 } },
    ])
      expect(langfuseDeprecationOf(body)).toBeNull()
  })
})
