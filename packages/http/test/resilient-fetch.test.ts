import { getEventListeners } from 'node:events'
import { json, recordingFetch } from '@evalrun/test-support'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createVendorClient,
  EvalrunApiError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  type HttpClientOptions,
  request,
  requestWithHeaders,
} from '../src/index.js'
import { connectionError, FAKE_KEY, type TestPaths, testVendor } from './helpers.js'

function client(
  fetch: (request: Request, init?: RequestInit) => Promise<Response>,
  options: HttpClientOptions = {},
) {
  return createVendorClient<TestPaths>(testVendor, { apiKey: FAKE_KEY, fetch, ...options })
}

const ok = () => json({ items: [] })

describe('requests', () => {
  it('sends the auth header, a User-Agent, and joins base URL, path and query', async () => {
    const seen = recordingFetch(ok)
    await client(seen.fetch, { headers: { 'X-Team': 'evals' } }).GET('/things', {
      params: { query: { page: 2, tag: ['a b', 'c'] } },
    })
    const [request] = seen.requests
    expect(request?.url).toBe('https://api.acme.test/v5/things?page=2&tag=a%20b&tag=c')
    expect(request?.headers.get('x-api-key')).toBe(FAKE_KEY)
    expect(request?.headers.get('user-agent')).toBe('@evalrun/acme/1.2.3')
    expect(request?.headers.get('x-team')).toBe('evals')
  })

  it('fills path parameters and sends JSON bodies', async () => {
    const seen = recordingFetch(() => json({ id: 'x/1', name: 'n' }))
    const { data } = await client(seen.fetch).GET('/things/{id}', { params: { path: { id: 'x/1' } } })
    expect(data).toEqual({ id: 'x/1', name: 'n' })
    expect(seen.requests[0]?.url).toBe('https://api.acme.test/v5/things/x%2F1')
    await client(seen.fetch).POST('/things', { body: { name: 'new' } })
    expect(seen.bodies[1]).toBe('{"name":"new"}')
    expect(seen.requests[1]?.headers.get('content-type')).toBe('application/json')
  })
})

describe('signals', () => {
  it('leaves no ties on a signal shared by many calls once they end', async () => {
    const shared = new AbortController().signal
    const seen = recordingFetch(ok)
    const things = client(seen.fetch)
    for (let i = 0; i < 50; i++) await things.GET('/things', { signal: shared })
    expect(getEventListeners(shared, 'abort')).toHaveLength(0)
  })

  it('still stops a call when the shared signal aborts', async () => {
    const controller = new AbortController()
    const hang = (_request: Request, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('x'))),
      )
    const pending = client(hang).GET('/things', { signal: controller.signal })
    controller.abort(new Error('stop'))
    await expect(pending).rejects.toThrow('stop')
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })
})

describe('responses', () => {
  it('parses a JSON body once, with or without a Content-Length', async () => {
    const parse = vi.spyOn(JSON, 'parse')
    const withLength = () =>
      new Response('{"items":[]}', {
        headers: { 'content-type': 'application/json', 'content-length': '12' },
      })
    for (const respond of [ok, withLength]) {
      parse.mockClear()
      const { data } = await client(recordingFetch(respond).fetch).GET('/things')
      expect(data).toEqual({ items: [] })
      expect(parse).toHaveBeenCalledTimes(1)
    }
  })

  it('gives a chunked JSON answer the Content-Length of its bytes, not of its characters', async () => {
    // No Content-Length, as a chunked (e.g. compressed) answer arrives; "é" and "✓" take 2 and 3 bytes in UTF-8.
    const chunked = () => json({ name: 'é✓' })
    const { data, response } = await client(recordingFetch(chunked).fetch).GET('/things')
    expect(data).toEqual({ name: 'é✓' })
    const bytes = new TextEncoder().encode(JSON.stringify({ name: 'é✓' })).byteLength
    expect(response.headers.get('content-length')).toBe(String(bytes))
    expect(bytes).toBeGreaterThan(JSON.stringify({ name: 'é✓' }).length)
  })

  it('hands non-JSON and error bodies on untouched', async () => {
    const seen = recordingFetch(
      () => new Response('plain words', { status: 503, headers: { 'retry-after': '999' } }),
    )
    const result = await client(seen.fetch).GET('/things')
    expect(result.response.status).toBe(503)
    expect(result.error).toBe('plain words')
  })
})

describe('retries', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('retries a GET on 500, 502, 503 and 408 with growing backoff, then succeeds', async () => {
    const seen = recordingFetch(
      () => json({}, { status: 500 }),
      () => json({}, { status: 502 }),
      () => json({}, { status: 408 }),
      ok,
    )
    const pending = client(seen.fetch, { retry: { maxRetries: 3 } }).GET('/things')
    await vi.advanceTimersByTimeAsync(249) // first wait: 0.5 × 500 ms
    expect(seen.requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(seen.requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(500) // second wait: 0.5 × 1000 ms
    expect(seen.requests).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(1000)
    const { data } = await pending
    expect(data).toEqual({ items: [] })
    expect(seen.requests).toHaveLength(4)
  })

  it('waits exactly as long as Retry-After says (seconds)', async () => {
    const seen = recordingFetch(() => json({}, { status: 429, headers: { 'Retry-After': '2' } }), ok)
    const pending = client(seen.fetch).GET('/things')
    await vi.advanceTimersByTimeAsync(1999)
    expect(seen.requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect((await pending).data).toEqual({ items: [] })
  })

  it('honours Retry-After as an HTTP date and retry-after-ms', async () => {
    vi.setSystemTime(new Date('2026-01-01T00:00:00.000Z')) // HTTP dates have whole seconds
    const at = new Date(Date.now() + 3000).toUTCString()
    const seen = recordingFetch(
      () => json({}, { status: 503, headers: { 'Retry-After': at } }),
      () => json({}, { status: 503, headers: { 'retry-after-ms': '150', 'Retry-After': '30' } }),
      ok,
    )
    const pending = client(seen.fetch).GET('/things')
    await vi.advanceTimersByTimeAsync(2000)
    expect(seen.requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(seen.requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(150)
    expect((await pending).data).toEqual({ items: [] })
  })

  it('does not wait for a Retry-After beyond the limit: the 429 comes back as it is', async () => {
    const seen = recordingFetch(() =>
      json({ detail: 'slow down' }, { status: 429, headers: { 'Retry-After': '120' } }),
    )
    const result = await client(seen.fetch).GET('/things')
    expect(result.response.status).toBe(429)
    expect(seen.requests).toHaveLength(1)
  })

  it('returns the last error response when retries run out', async () => {
    const seen = recordingFetch(() => json({ detail: 'down' }, { status: 500 }))
    const pending = client(seen.fetch, { retry: { maxRetries: 2 } }).GET('/things')
    await vi.runAllTimersAsync()
    const result = await pending
    expect(result.response.status).toBe(500)
    expect(seen.requests).toHaveLength(3)
  })

  it('never retries a 4xx other than 408 and 429', async () => {
    const seen = recordingFetch(() => json({ detail: 'bad' }, { status: 422 }))
    await client(seen.fetch).GET('/things')
    expect(seen.requests).toHaveLength(1)
  })

  it('retries a POST only on 429 and 503, with the same body each time', async () => {
    const seen = recordingFetch(
      () => json({}, { status: 429, headers: { 'Retry-After': '1' } }),
      () => json({}, { status: 503 }),
      () => json({ detail: 'boom' }, { status: 500 }),
    )
    const pending = client(seen.fetch, { retry: { maxRetries: 5 } }).POST('/things', {
      body: { name: 'run' },
    })
    await vi.runAllTimersAsync()
    const result = await pending
    expect(result.response.status).toBe(500)
    expect(seen.requests).toHaveLength(3)
    expect(seen.bodies).toEqual(['{"name":"run"}', '{"name":"run"}', '{"name":"run"}'])
    expect(new Set(seen.requests).size).toBe(3) // a fresh Request per attempt
  })

  it('retries a POST its vendor declares read-only as it retries a GET, and says it is retryable', async () => {
    const readOnly = { ...testVendor, readOnlyPosts: ['/things/{id}', '/things'] }
    const seen = recordingFetch(
      () => json({}, { status: 500 }),
      () => {
        throw connectionError('ECONNRESET')
      },
      ok,
    )
    const reading = createVendorClient<TestPaths>(readOnly, { apiKey: FAKE_KEY, fetch: seen.fetch })
    const pending = reading.POST('/things', { body: { name: 'query' } })
    await vi.runAllTimersAsync()
    expect((await pending).response.status).toBe(200)
    expect(seen.requests).toHaveLength(3)
    // Another POST of the same vendor is not read-only: its 500 comes back at once, not retryable.
    const failing = recordingFetch(() => json({ detail: 'boom' }, { status: 500 }))
    const other = createVendorClient<TestPaths>(
      { ...testVendor, readOnlyPosts: ['/things/{id}'] },
      { apiKey: FAKE_KEY, fetch: failing.fetch },
    )
    const error = await request(other, 'POST', '/things', { body: { name: 'run' } }).catch((e: unknown) => e)
    expect(failing.requests).toHaveLength(1)
    expect((error as EvalrunApiError).isRetryable).toBe(false)
    const retryable = await request(
      createVendorClient<TestPaths>(readOnly, { apiKey: FAKE_KEY, fetch: failing.fetch, retry: false }),
      'POST',
      '/things',
      { body: { name: 'query' } },
    ).catch((e: unknown) => e)
    expect((retryable as EvalrunApiError).isRetryable).toBe(true)
  })

  it('retries a GET after connection errors, then says how many attempts failed', async () => {
    const seen = recordingFetch(() => {
      throw connectionError('ECONNRESET')
    })
    const pending = client(seen.fetch).GET('/things')
    const assertion = expect(pending).rejects.toSatisfy(
      (error) =>
        EvalrunNetworkError.isInstance(error) && error.attempts === 3 && /ECONNRESET/.test(error.message),
    )
    await vi.runAllTimersAsync()
    await assertion
    expect(seen.requests).toHaveLength(3)
  })

  it('retries a POST whose connection was refused: it never reached the server', async () => {
    const seen = recordingFetch(() => {
      throw connectionError('ECONNREFUSED')
    }, ok)
    const pending = client(seen.fetch).POST('/things', { body: { name: 'run' } })
    await vi.runAllTimersAsync()
    expect((await pending).response.status).toBe(200)
    expect(seen.requests).toHaveLength(2)
  })

  it('does not retry a POST whose connection dropped after sending: the outcome is unknown', async () => {
    const seen = recordingFetch(() => {
      throw connectionError('ECONNRESET')
    })
    const error = await client(seen.fetch)
      .POST('/things', { body: { name: 'run' } })
      .catch((e: unknown) => e)
    expect(EvalrunOutcomeUnknownError.isInstance(error)).toBe(true)
    expect((error as Error).message).toMatch(/may or may not have taken effect/)
    expect(seen.requests).toHaveLength(1)
  })

  it('retries a GET whose JSON body was cut off', async () => {
    const seen = recordingFetch(
      () => new Response('{"items": [', { headers: { 'content-type': 'application/json' } }),
      ok,
    )
    const pending = client(seen.fetch).GET('/things')
    await vi.runAllTimersAsync()
    expect((await pending).data).toEqual({ items: [] })
  })

  it('gives each attempt its own timeout, passed to fetch in init, and fails with a timeout error', async () => {
    const signals: AbortSignal[] = []
    const hang = (_request: Request, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        const signal = init?.signal as AbortSignal
        signals.push(signal)
        signal.addEventListener('abort', () => reject(signal.reason))
      })
    const pending = client(hang, { timeoutMs: 1000, retry: { maxRetries: 1 } }).GET('/things')
    const assertion = expect(pending).rejects.toSatisfy(
      (error) =>
        EvalrunRequestTimeoutError.isInstance(error) && error.timeoutMs === 1000 && error.attempts === 2,
    )
    await vi.advanceTimersByTimeAsync(999)
    expect(signals[0]?.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(signals[0]?.aborted).toBe(true)
    await vi.runAllTimersAsync()
    await assertion
    expect(signals).toHaveLength(2)
  })

  it('hands the attempt signal to a fetch wrapper that spreads init', async () => {
    let signal: AbortSignal | undefined
    const hang = (_request: Request, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        signal = init?.signal as AbortSignal
        signal.addEventListener('abort', () => reject(signal?.reason))
      })
    const wrapper = (request: Request, init?: RequestInit) => hang(request, { ...init })
    const pending = client(wrapper, { timeoutMs: 1000, retry: false }).GET('/things')
    const assertion = expect(pending).rejects.toSatisfy((error) =>
      EvalrunRequestTimeoutError.isInstance(error),
    )
    await vi.advanceTimersByTimeAsync(1000)
    await assertion
    expect(signal?.aborted).toBe(true)
  })

  it('times out even when the fetch given ignores init and never answers', async () => {
    const ignoresInit = () => new Promise<Response>(() => {})
    const pending = client(ignoresInit, { timeoutMs: 1000, retry: false }).GET('/things')
    const assertion = expect(pending).rejects.toSatisfy((error) =>
      EvalrunRequestTimeoutError.isInstance(error),
    )
    await vi.advanceTimersByTimeAsync(1000)
    await assertion
  })

  it('asks fetch not to follow redirects itself, on every attempt', async () => {
    const inits: Array<RequestInit | undefined> = []
    const recording = async (_request: Request, init?: RequestInit) => {
      inits.push(init)
      return inits.length === 1 ? json({}, { status: 500 }) : ok()
    }
    const pending = client(recording).GET('/things')
    await vi.runAllTimersAsync()
    await pending
    expect(inits.map((init) => init?.redirect)).toEqual(['manual', 'manual'])
    expect(inits[0]?.signal).not.toBe(inits[1]?.signal)
  })

  it('builds every request it sends with redirect "manual", for a fetch that ignores init', async () => {
    const seen = recordingFetch(
      () => json({}, { status: 503 }),
      () => new Response(null, { status: 307, headers: { location: '/things/moved' } }),
      () => json({ id: '1', name: 'n' }),
    )
    const pending = client(seen.fetch).POST('/things', { body: { name: 'n' } })
    await vi.runAllTimersAsync()
    expect((await pending).data).toEqual({ id: '1', name: 'n' })
    expect(seen.requests.map((request) => request.redirect)).toEqual(['manual', 'manual', 'manual'])
    expect(seen.bodies).toEqual(['{"name":"n"}', '{"name":"n"}', '{"name":"n"}'])
  })

  it('fails clearly on an opaque redirect, which a browser gives for redirect "manual"', async () => {
    // What browsers answer: status 0, no headers, type 'opaqueredirect'. Node cannot build one, so it is faked.
    const opaqueRedirect = () => {
      const response = new Response(null, { status: 200 })
      Object.defineProperty(response, 'status', { value: 0 })
      Object.defineProperty(response, 'ok', { value: false })
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' })
      return response
    }
    const seen = recordingFetch(opaqueRedirect)
    const error = await client(seen.fetch, { retry: false })
      .GET('/things')
      .catch((e: unknown) => e)
    expect(EvalrunNetworkError.isInstance(error)).toBe(true)
    expect((error as Error).message).toMatch(/redirected, and this runtime does not let a client follow it/)
  })

  it('hands a 3xx without a Location on as it is', async () => {
    const seen = recordingFetch(() => new Response('pick one', { status: 300 }))
    const { response, error } = await client(seen.fetch).GET('/things')
    expect(response.status).toBe(300)
    expect(error).toBe('pick one')
    expect(seen.requests).toHaveLength(1)
  })

  it('stops at once when the caller aborts, during a request or during a backoff wait', async () => {
    const controller = new AbortController()
    const seen = recordingFetch(() => json({}, { status: 500 }))
    const pending = client(seen.fetch).GET('/things', { signal: controller.signal })
    const assertion = expect(pending).rejects.toThrow(/stop/)
    await vi.advanceTimersByTimeAsync(10)
    controller.abort(new Error('stop'))
    await assertion
    expect(seen.requests).toHaveLength(1)
  })
})

describe('request', () => {
  it('returns the data of a success', async () => {
    const seen = recordingFetch(() => json({ id: '1', name: 'one' }))
    const thing = await request(client(seen.fetch), 'GET', '/things/{id}', { params: { path: { id: '1' } } })
    expect(thing.name).toBe('one')
  })

  it('requestWithHeaders returns the headers beside the data, and throws as request does', async () => {
    const date = 'Thu, 15 Jan 2026 12:00:00 GMT'
    const seen = recordingFetch(
      () => json({ items: [] }, { headers: { date } }),
      () => json({}, 404),
    )
    const { data, headers } = await requestWithHeaders(client(seen.fetch), 'GET', '/things')
    expect(data).toEqual({ items: [] })
    expect(headers.get('date')).toBe(date)
    const error = await requestWithHeaders(client(seen.fetch), 'GET', '/things/{id}', {
      params: { path: { id: 'x' } },
    }).catch((e: unknown) => e)
    expect(EvalrunApiError.isInstance(error)).toBe(true)
  })

  it('throws a typed API error with status, operation, request id and the parsed body', async () => {
    const seen = recordingFetch(() =>
      json({ detail: 'Thing not found' }, { status: 404, headers: { 'x-request-id': 'req_123' } }),
    )
    const error = await request(client(seen.fetch), 'GET', '/things/{id}', {
      params: { path: { id: '7' } },
    }).catch((e: unknown) => e)
    expect(EvalrunApiError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({
      vendor: 'acme',
      status: 404,
      method: 'GET',
      operation: 'GET /things/{id}',
      url: 'https://api.acme.test/v5/things/7',
      requestId: 'req_123',
      body: { detail: 'Thing not found' },
      isRetryable: false,
    })
    expect((error as Error).message).toBe('Acme answered 404 to GET /things/{id}: Thing not found')
  })

  it('summarises FastAPI validation errors', async () => {
    const detail = [{ loc: ['body', 'name'], msg: 'Field required', type: 'missing' }]
    const seen = recordingFetch(() => json({ detail }, { status: 422 }))
    await expect(request(client(seen.fetch), 'POST', '/things', { body: { name: '' } })).rejects.toThrow(
      'body.name: Field required',
    )
  })
})
