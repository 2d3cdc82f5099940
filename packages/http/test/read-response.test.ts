import { json, recordingFetch } from '@evalrun/test-support'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createVendorClient, type HttpClientOptions } from '../src/index.js'
import { FAKE_KEY, type TestPaths, testVendor } from './helpers.js'

/** The response the fetch layer hands to openapi-fetch, as a middleware sees it before openapi-fetch reads it. */
async function responseOf(
  respond: () => Response,
  options: HttpClientOptions = {},
  accept = 'application/json',
): Promise<Response> {
  const client = createVendorClient<TestPaths>(testVendor, {
    apiKey: FAKE_KEY,
    fetch: recordingFetch(respond).fetch,
    ...options,
  })
  let seen: Response | undefined
  client.use({
    onResponse({ response }) {
      seen = response.clone()
      return response
    },
  })
  // Read as bytes, which fits any body: what matters here is the copy the middleware took.
  await client.GET('/things', { parseAs: 'arrayBuffer', headers: { Accept: accept } })
  if (seen === undefined) throw new Error('no response seen')
  return seen
}

describe('the response handed on, read whole already', () => {
  it.each([
    ['text', (r: Response) => r.text(), '{"a":1}'],
    ['json', (r: Response) => r.json(), { a: 1 }],
    ['arrayBuffer', async (r: Response) => new TextDecoder().decode(await r.arrayBuffer()), '{"a":1}'],
    ['blob', async (r: Response) => (await r.blob()).text(), '{"a":1}'],
    ['body', async (r: Response) => new Response(r.body).text(), '{"a":1}'],
  ] as const)('reads with %s, once, like any Response', async (_, read, expected) => {
    const response = await responseOf(() => json({ a: 1 }))
    expect(response.bodyUsed).toBe(false)
    expect(await read(response)).toEqual(expected)
    expect(response.bodyUsed).toBe(true)
    await expect(response.text()).rejects.toThrow(TypeError)
    expect(() => response.clone()).toThrow(TypeError)
  })

  it('keeps status, headers and the URL it answered', async () => {
    const response = await responseOf(() =>
      json({ detail: 'no' }, { status: 404, statusText: 'Not Found', headers: { 'x-request-id': 'r1' } }),
    )
    expect(response.status).toBe(404)
    expect(response.statusText).toBe('Not Found')
    expect(response.headers.get('x-request-id')).toBe('r1')
    expect(response.url).toBe('https://api.acme.test/v5/things')
    expect(await response.json()).toEqual({ detail: 'no' })
  })

  it('hands non-JSON bytes on as they came to a call that asks for them', async () => {
    const bytes = new Uint8Array([0, 255, 1, 254])
    const png = () => new Response(bytes, { headers: { 'content-type': 'image/png' } })
    const response = await responseOf(png, {}, 'image/png')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes)
  })
})

describe('time limits', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('leaves no timer behind once a call ends, so an idle client lets the process exit', async () => {
    const client = createVendorClient<TestPaths>(testVendor, {
      apiKey: FAKE_KEY,
      fetch: recordingFetch(() => json({ items: [] })).fetch,
    })
    for (let i = 0; i < 20; i++) await client.GET('/things')
    expect(vi.getTimerCount()).toBe(0)
  })
})
