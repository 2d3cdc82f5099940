import type { ServerResponse } from 'node:http'
import type { FaultKind } from '../types.js'
import type { SandboxEvent, VendorResponse } from './vendor-app.js'

export interface DeliveryOptions {
  /** A delivery fault to apply ('reset', 'truncated' or 'slow'), if any. */
  fault?: FaultKind | null
  latencyMs?: number
  /** Keeps track of pending timers ('slow' answers, answers that wait for sandbox time) so `close()` can cancel them. */
  timers?: Set<NodeJS.Timeout>
  /** Sandbox time, for answers due at a sandbox time. */
  nowMs?: () => number
}

/** How often (real ms) an answer waiting for sandbox time looks at the clock. */
const DUE_CHECK_MS = 20

/** Writes a VendorResponse as JSON (or text, or events), or breaks it on purpose when a delivery fault was drawn. */
export function deliver(
  response: ServerResponse,
  answer: VendorResponse,
  options: DeliveryOptions = {},
): void {
  if (answer.deferred !== undefined) {
    const { dueMs, answer: later } = answer.deferred
    whenDue(response, dueMs, options, () => deliver(response, later(), options))
    return
  }
  if (answer.eventStream !== undefined) {
    streamEvents(response, answer, options)
    return
  }
  const payload =
    answer.text !== undefined
      ? Buffer.from(answer.text)
      : answer.body === undefined
        ? null
        : Buffer.from(JSON.stringify(answer.body))
  const headers: Record<string, string | number> = { ...answer.headers }
  if (payload) {
    headers['Content-Type'] = answer.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json'
    headers['Content-Length'] = payload.length
  }
  const { fault } = options
  if (fault === 'slow') {
    const timer = setTimeout(() => {
      options.timers?.delete(timer)
      deliver(response, answer, { timers: options.timers })
    }, options.latencyMs ?? 2_000)
    options.timers?.add(timer)
    return
  }
  if (fault === 'reset' || (fault === 'truncated' && !payload)) {
    // Promise the full body, send part of it, then drop the connection: the client sees a reset mid-body.
    response.writeHead(answer.status, headers)
    const part = payload ? payload.subarray(0, Math.max(1, Math.floor(payload.length / 2))) : Buffer.alloc(0)
    response.write(part, () => response.socket?.destroy())
    if (part.length === 0) response.socket?.destroy()
    return
  }
  if (fault === 'truncated' && payload) {
    // A well-formed chunked response that ends early: the HTTP exchange completes, the JSON does not.
    delete headers['Content-Length']
    response.writeHead(answer.status, headers)
    response.end(payload.subarray(0, Math.max(1, Math.floor(payload.length / 2))))
    return
  }
  response.writeHead(answer.status, headers)
  response.end(payload ?? undefined)
}

/** Runs `then` once sandbox time reaches `dueMs`, looking every DUE_CHECK_MS; not at all if the client leaves. */
function whenDue(response: ServerResponse, dueMs: number, options: DeliveryOptions, then: () => void): void {
  const nowMs = options.nowMs ?? Date.now
  if (nowMs() >= dueMs) {
    then()
    return
  }
  const timer = setInterval(() => {
    if (response.destroyed || response.writableEnded) stop()
    else if (nowMs() >= dueMs) {
      stop()
      then()
    }
  }, DUE_CHECK_MS)
  const stop = () => {
    clearInterval(timer)
    options.timers?.delete(timer)
  }
  options.timers?.add(timer)
  response.once('close', stop)
}

const serialize = (events: SandboxEvent[]) =>
  events
    .map(
      ({ event, data }) =>
        `event: ${event}\n${data
          .split('\n')
          .map((line) => `data: ${line}`)
          .join('\n')}\n\n`,
    )
    .join('')

/**
 * An answer that streams server-sent events: the first ones at once, the rest when they are due, then the end. A
 * 'slow' fault holds the start back; 'reset' and 'truncated' cut the connection partway through the first event.
 */
function streamEvents(response: ServerResponse, answer: VendorResponse, options: DeliveryOptions): void {
  const stream = answer.eventStream!
  const { fault } = options
  if (fault === 'slow') {
    const timer = setTimeout(() => {
      options.timers?.delete(timer)
      streamEvents(response, answer, { ...options, fault: null })
    }, options.latencyMs ?? 2_000)
    options.timers?.add(timer)
    return
  }
  response.writeHead(answer.status, {
    ...answer.headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
  })
  const first = serialize(stream.events)
  if (fault === 'reset' || fault === 'truncated') {
    response.write(first.slice(0, Math.max(1, Math.floor(first.length / 2))), () =>
      response.socket?.destroy(),
    )
    return
  }
  response.write(first)
  whenDue(response, stream.atEnd.dueMs, options, () => {
    response.end(serialize(stream.atEnd.events()))
  })
}
