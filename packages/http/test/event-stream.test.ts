import { json, recordingFetch } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import { readServerSentEvents } from '../src/event-stream.js'
import {
  createVendorClient,
  EvalrunApiError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  type HttpClientOptions,
  requestEvents,
  type ServerSentEvent,
} from '../src/index.js'
import { bearerVendor, FAKE_KEY, type TestPaths, testVendor } from './helpers.js'

const encoder = new TextEncoder()

/** A body the test writes to as it goes: `send` a chunk, `end` it, `fail` it; `cancelled` says whether it was. */
function liveBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const state = { cancelled: false }
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
    cancel() {
      state.cancelled = true
    },
  })
  return {
    stream,
    state,
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    fail: (error: Error) => controller.error(error),
  }
}

const eventStream = (body: ReadableStream<Uint8Array>, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/event-stream; charset=utf-8' } })

async function all(events: AsyncIterable<ServerSentEvent>): Promise<ServerSentEvent[]> {
  const seen: ServerSentEvent[] = []
  for await (const event of events) seen.push(event)
  return seen
}

function client(fetch: (request: Request) => Promise<Response>, options: HttpClientOptions = {}) {
  return createVendorClient<TestPaths>(bearerVendor, { apiKey: FAKE_KEY, fetch, ...options })
}

describe('readServerSentEvents', () => {
  it('parses events split anywhere across chunks, with any line ending, comments and multi-line data', async () => {
    const text =
      ': keep-alive\r\nevent: start\r\ndata: {"experimentId":"e1"}\r\n\r\n' +
      'data: first line\ndata: second line\nid: 7\n\n' +
      'event: done\rdata:\r\r' +
      'event: never finished\ndata: dropped'
    // Every split point, so that a `\r\n` cut in two and a field cut mid-word are covered.
    for (let cut = 1; cut < text.length; cut += 7) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(text.slice(0, cut)))
          controller.enqueue(encoder.encode(text.slice(cut)))
          controller.close()
        },
      })
      expect(await all(readServerSentEvents(body))).toEqual([
        { event: 'start', data: '{"experimentId":"e1"}', id: null },
        { event: 'message', data: 'first line\nsecond line', id: '7' },
        { event: 'done', data: '', id: '7' },
      ])
    }
  })

  it('cancels the body when the reader stops early or its signal aborts', async () => {
    const early = liveBody()
    early.send('event: start\ndata: 1\n\n')
    for await (const event of readServerSentEvents(early.stream)) {
      expect(event.event).toBe('start')
      break
    }
    expect(early.state.cancelled).toBe(true)

    const aborted = liveBody()
    const controller = new AbortController()
    const reading = all(readServerSentEvents(aborted.stream, controller.signal))
    controller.abort(new Error('stop'))
    await expect(reading).rejects.toThrow('stop')
    expect(aborted.state.cancelled).toBe(true)
  })
})

describe('requestEvents', () => {
  it('asks for an event stream and resolves at the first event; later events are not timed', async () => {
    const body = liveBody()
    const seen = recordingFetch(() => {
      setTimeout(() => body.send('event: start\ndata: {"id":"e1"}\n\n'), 20)
      return eventStream(body.stream)
    })
    const events = await requestEvents(client(seen.fetch, { timeoutMs: 100 }), 'POST', '/things', {
      body: { name: 'eval' },
    })
    expect(seen.requests[0]?.headers.get('accept')).toBe('text/event-stream')
    expect(seen.requests[0]?.headers.get('authorization')).toBe(`Bearer ${FAKE_KEY}`)
    const first = await events.next()
    expect(first.value).toEqual({ event: 'start', data: '{"id":"e1"}', id: null })
    // Three times the client's timeout passes before the next event: the stream is still read.
    setTimeout(() => {
      body.send('event: done\ndata: \n\n')
      body.end()
    }, 300)
    expect(await all(events)).toEqual([{ event: 'done', data: '', id: null }])
  })

  it('a POST whose stream sends nothing within the time limit has an unknown outcome, and is not retried', async () => {
    const body = liveBody()
    const seen = recordingFetch(() => eventStream(body.stream))
    const error = await requestEvents(client(seen.fetch, { timeoutMs: 50 }), 'POST', '/things', {
      body: { name: 'eval' },
    }).catch((e: unknown) => e)
    expect(EvalrunOutcomeUnknownError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('no answer within 50 ms')
    expect(seen.requests).toHaveLength(1)
    expect(body.state.cancelled).toBe(true)
  })

  it('an error status throws EvalrunApiError with the reason, as request does', async () => {
    const seen = recordingFetch(() => new Response('Invalid API key', { status: 401 }))
    const error = await requestEvents(client(seen.fetch, { retry: false }), 'POST', '/things', {
      body: { name: 'eval' },
    }).catch((e: unknown) => e)
    expect(EvalrunApiError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 401, vendor: 'acme', operation: 'POST /things' })
    expect((error as Error).message).toContain('Invalid API key')
  })

  it('a stream that breaks off after its first event fails with EvalrunNetworkError, without the key', async () => {
    const body = liveBody()
    body.send('event: start\ndata: 1\n\n')
    const seen = recordingFetch(() => eventStream(body.stream))
    const events = await requestEvents(
      client(seen.fetch),
      'POST',
      '/things',
      // The key in the query, as some servers echo it: the error must not.
      { body: { name: 'eval' }, params: { query: { api_key: FAKE_KEY } } } as never,
    )
    expect((await events.next()).value?.event).toBe('start')
    body.fail(new TypeError(`terminated: ${FAKE_KEY}`))
    const error = await events.next().catch((e: unknown) => e)
    expect(EvalrunNetworkError.isInstance(error)).toBe(true)
    expect((error as Error).message).toMatch(/event stream of POST .* broke off/)
    expect((error as Error).message).not.toContain(FAKE_KEY)
  })

  it('reads a JSON answer as no events (a server that ignored the request to stream)', async () => {
    const seen = recordingFetch(() => json({ done: true }))
    const events = await requestEvents(client(seen.fetch), 'POST', '/things', { body: { name: 'eval' } })
    expect(await all(events)).toEqual([])
  })

  it('needs a vendor that declares eventStreams: without it requestEvents says so, and a stream is read whole', async () => {
    const seen = recordingFetch(() => eventStream(new Response('event: start\ndata: 1\n\n').body!))
    const plain = createVendorClient<TestPaths>(testVendor, { apiKey: FAKE_KEY, fetch: seen.fetch })
    await expect(requestEvents(plain, 'POST', '/things', { body: { name: 'eval' } })).rejects.toThrow(
      /requestEvents: Acme is defined without `eventStreams`/,
    )
    expect(seen.requests).toHaveLength(0)
    // A client of such a vendor still reads an event-stream answer it asks for, as it reads any body: whole.
    const { data } = await plain.POST('/things', {
      body: { name: 'eval' },
      headers: { Accept: 'text/event-stream' },
      parseAs: 'text',
    })
    expect(data).toBe('event: start\ndata: 1\n\n')
  })
})
