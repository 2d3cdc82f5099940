import { inspect } from 'node:util'
import { json, recordingFetch } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import { createVendorClient, EvalrunError, type HttpClientOptions, request } from '../src/index.js'
import { connectionError, FAKE_KEY, type TestPaths, testVendor } from './helpers.js'

function expectNoKey(value: unknown) {
  const texts = [
    String(value),
    (value as Error).stack ?? '',
    JSON.stringify(value),
    inspect(value, { depth: 20, showHidden: true }),
    inspect((value as Error).cause, { depth: 20 }),
  ]
  for (const text of texts) expect(text).not.toContain(FAKE_KEY)
}

async function failure(
  fetch: (r: Request, init?: RequestInit) => Promise<Response>,
  call: 'get' | 'post',
  options: HttpClientOptions = {},
) {
  const client = createVendorClient<TestPaths>(testVendor, {
    apiKey: FAKE_KEY,
    fetch,
    retry: { maxRetries: 0 },
    ...options,
  })
  try {
    if (call === 'get') await request(client, 'GET', '/things')
    else await request(client, 'POST', '/things', { body: { name: 'x' } })
  } catch (error) {
    expect(EvalrunError.isInstance(error)).toBe(true)
    return error
  }
  throw new Error('expected a failure')
}

describe('the API key never leaks', () => {
  it.each([
    ['an API error', () => json({ detail: 'nope' }, { status: 401 }), 'get'],
    ['a network error', () => Promise.reject(connectionError('ECONNRESET')), 'get'],
    ['an unknown outcome', () => Promise.reject(connectionError('ECONNRESET')), 'post'],
    ['a malformed body', () => new Response('{', { headers: { 'content-type': 'application/json' } }), 'get'],
  ] as const)('through %s', async (_, respond, call) => {
    const seen = recordingFetch(respond as () => Response)
    expectNoKey(await failure(seen.fetch, call))
    expect(seen.requests[0]?.headers.get('x-api-key')).toBe(FAKE_KEY)
  })

  it('through a timeout', async () => {
    const hang = (_request: Request, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )
    expectNoKey(await failure(hang, 'get', { timeoutMs: 5 }))
  })

  it('through a configuration error about the key itself', () => {
    try {
      createVendorClient(testVendor, { apiKey: `${FAKE_KEY}\n` })
    } catch (error) {
      expectNoKey(error)
      return
    }
    throw new Error('expected a configuration error')
  })

  it('when the client itself is inspected', () => {
    const client = createVendorClient(testVendor, { apiKey: FAKE_KEY })
    expect(inspect(client, { depth: 20, showHidden: true })).not.toContain(FAKE_KEY)
  })
})
