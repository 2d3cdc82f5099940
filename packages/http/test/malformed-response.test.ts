import { inspect } from 'node:util'
import { json, recordingFetch } from '@evalrun/test-support'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createVendorClient,
  EvalrunMalformedResponseError,
  EvalrunOutcomeUnknownError,
  type HttpClientOptions,
  request,
  type VendorDefinition,
} from '../src/index.js'
import { FAKE_KEY, type TestPaths, testVendor } from './helpers.js'

/** A page that must never show up in an error: it echoes the key, as a login page might echo a header. */
const LOGIN_PAGE = `<!DOCTYPE html><html><title>Sign in to Acme WEBAPP-MARKER</title><p>${FAKE_KEY}</p></html>`

const html = () => new Response(LOGIN_PAGE, { headers: { 'content-type': 'text/html; charset=utf-8' } })
const badJson = () => new Response('{"items": [', { headers: { 'content-type': 'application/json' } })
const ok = () => json({ items: [] })

function client(
  fetch: (request: Request) => Promise<Response>,
  options: HttpClientOptions = {},
  vendor: VendorDefinition = testVendor,
) {
  return createVendorClient<TestPaths>(vendor, { apiKey: FAKE_KEY, fetch, ...options })
}

/** The error `pending` rejects with, once every backoff timer has run. */
async function failureOf(pending: Promise<unknown>): Promise<unknown> {
  const caught = pending.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => error,
  )
  await vi.runAllTimersAsync()
  return caught
}

/** Everything an error shows: message, fields, cause and all, as a log would print it. */
const shown = (error: unknown) =>
  `${inspect(error, { depth: 10, showHidden: true })} ${JSON.stringify(error)} ${(error as Error).message}`

function expectNothingOfTheBody(error: unknown) {
  const text = shown(error)
  expect(text).not.toContain('WEBAPP-MARKER')
  expect(text).not.toContain('DOCTYPE')
  expect(text).not.toContain('"items"')
  expect(text).not.toContain(FAKE_KEY)
}

describe('a success that is not the JSON asked for', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('retries a GET answered with an HTML page, then fails naming vendor, method, URL and what came', async () => {
    const seen = recordingFetch(html)
    const error = await failureOf(client(seen.fetch).GET('/things', { params: { query: { page: 2 } } }))
    expect(seen.requests).toHaveLength(3)
    expect(EvalrunMalformedResponseError.isInstance(error)).toBe(true)
    const malformed = error as EvalrunMalformedResponseError
    expect(malformed).toMatchObject({
      code: 'EVALRUN_MALFORMED_RESPONSE',
      vendor: 'acme',
      method: 'GET',
      url: 'https://api.acme.test/v5/things?page=2',
      status: 200,
      problem: 'a text/html body where JSON was expected',
      attempts: 3,
    })
    expect(malformed.message).toContain('Acme: GET https://api.acme.test/v5/things?page=2 answered 200')
    expect(malformed.message).toContain('(3 attempts)')
    expectNothingOfTheBody(error)
  })

  it('retries a GET whose JSON does not parse, then fails the same way', async () => {
    const seen = recordingFetch(badJson)
    const error = await failureOf(client(seen.fetch).GET('/things'))
    expect(seen.requests).toHaveLength(3)
    expect(error).toBeInstanceOf(EvalrunMalformedResponseError)
    expect((error as EvalrunMalformedResponseError).problem).toBe(
      'an application/json body that is not valid JSON (cut off or corrupted)',
    )
    expectNothingOfTheBody(error)
  })

  it('succeeds when a retry is answered with JSON', async () => {
    const seen = recordingFetch(html, ok)
    const pending = client(seen.fetch).GET('/things')
    await vi.runAllTimersAsync()
    expect((await pending).data).toEqual({ items: [] })
    expect(seen.requests).toHaveLength(2)
  })

  it('retries a read-only POST as it does a GET', async () => {
    const readOnly = { ...testVendor, readOnlyPosts: ['/things'] }
    const seen = recordingFetch(html)
    const error = await failureOf(client(seen.fetch, {}, readOnly).POST('/things', { body: { name: 'q' } }))
    expect(seen.requests).toHaveLength(3)
    expect(EvalrunMalformedResponseError.isInstance(error)).toBe(true)
  })

  it('does not send a POST that changes state again: its outcome is unknown, the details in its cause', async () => {
    const seen = recordingFetch(html)
    const error = await failureOf(client(seen.fetch).POST('/things', { body: { name: 'run' } }))
    expect(seen.requests).toHaveLength(1)
    expect(EvalrunOutcomeUnknownError.isInstance(error)).toBe(true)
    const message = (error as Error).message
    expect(message).toContain('Acme: POST https://api.acme.test/v5/things was sent but answered 200 with')
    expect(message).toContain('a text/html body where JSON was expected')
    expect(message).toMatch(/may or may not have taken effect/)
    const cause = (error as Error).cause
    expect(EvalrunMalformedResponseError.isInstance(cause)).toBe(true)
    expect(cause).toMatchObject({ method: 'POST', status: 200, attempts: 1 })
    expectNothingOfTheBody(error)
  })

  it('throws the typed error from request() too', async () => {
    const seen = recordingFetch(html)
    const error = await failureOf(request(client(seen.fetch, { retry: false }), 'GET', '/things'))
    expect(EvalrunMalformedResponseError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ vendor: 'acme', method: 'GET', attempts: 1 })
    expectNothingOfTheBody(error)
  })

  it('says what came without quoting a Content-Type that is not a media type', async () => {
    const odd = () => new Response('<p>hi</p>', { headers: { 'content-type': `x ${FAKE_KEY}` } })
    // Bytes, since a Response built from a string gets text/plain.
    const bare = () => new Response(new TextEncoder().encode('<p>hi</p>'))
    for (const respond of [odd, bare]) {
      const error = await failureOf(client(recordingFetch(respond).fetch, { retry: false }).GET('/things'))
      expect((error as EvalrunMalformedResponseError).problem).toMatch(
        /^a body with (no|an unreadable) Content-Type where JSON was expected$/,
      )
      expect(shown(error)).not.toContain(FAKE_KEY)
    }
  })
})

describe('successes that stay fine', () => {
  it('takes an empty success as no data, whatever its type', async () => {
    const empty = () => new Response('', { headers: { 'content-type': 'text/html' } })
    const noContent = () => new Response(null, { status: 204 })
    for (const respond of [empty, noContent]) {
      const { data, response } = await client(recordingFetch(respond).fetch).GET('/things')
      expect(response.ok).toBe(true)
      expect(data).toBeUndefined()
    }
  })

  it('takes JSON sent as text/plain', async () => {
    const plain = () => new Response('{"items":[]}', { headers: { 'content-type': 'text/plain' } })
    const { data } = await client(recordingFetch(plain).fetch).GET('/things')
    expect(data).toEqual({ items: [] })
  })

  it('hands on what a call that asks for another type gets', async () => {
    const page = () => new Response('<p>report</p>', { headers: { 'content-type': 'text/html' } })
    const { data } = await client(recordingFetch(page).fetch).GET('/things', {
      headers: { Accept: 'text/html' },
      parseAs: 'text',
    })
    expect(data).toBe('<p>report</p>')
  })
})
