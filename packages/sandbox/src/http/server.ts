import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { FaultPlan } from '../faults.js'
import type { FaultKind } from '../types.js'
import { isJsonContentType, readBody } from './body.js'
import { addCorsHeaders, answerPreflight } from './cors.js'
import { deliver } from './deliver.js'
import type { RoutedRequest } from './openapi-router.js'
import type { VendorApp, VendorResponse } from './vendor-app.js'

export interface MountedVendor {
  app: VendorApp
  handle(request: RoutedRequest): Promise<VendorResponse>
}

export interface ServerContext {
  vendors: MountedVendor[]
  faults: FaultPlan
  nowMs(): number
  onRequest(): void
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH'])
const STATUS_FAULTS = new Set<FaultKind>(['429', '500', '502', '503'])
// After a 413 the rest of the upload is discarded, not buffered; a client that keeps sending is cut off.
const OVERSIZE_GRACE_MS = 1_000
/**
 * Slow clients (slowloris: headers sent a byte at a time, or a connection that sends nothing) are cut off once
 * their headers have taken this long; Node's defaults (60 s, checked every 30 s) let a handful of them hold
 * sockets for minutes. A loopback client sends its headers in well under a millisecond.
 */
export const HEADERS_TIMEOUT_MS = 5_000
const REQUEST_TIMEOUT_MS = 30_000
const TIMEOUT_CHECK_INTERVAL_MS = 1_000

export interface SandboxServer {
  server: Server
  /** Cancels pending slow responses and drops every connection. */
  shutdown(): Promise<void>
}

export function createSandboxServer(context: ServerContext): SandboxServer {
  const timers = new Set<NodeJS.Timeout>()
  const limits = {
    headersTimeout: HEADERS_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
  }
  const server = createServer(limits, (request, response) => {
    handle(context, request, response, timers).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy()
        return
      }
      deliver(response, {
        status: 500,
        body: { detail: `sandbox error: ${error instanceof Error ? error.message : String(error)}` },
      })
    })
  })
  // Keep-alive sockets must not hold the process open after close().
  server.keepAliveTimeout = 5_000
  return {
    server,
    shutdown: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function handle(
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
  timers: Set<NodeJS.Timeout>,
): Promise<void> {
  context.onRequest()
  addCorsHeaders(response)
  // The sandbox's clock is its vendors' clock: clients that read the time of an answer (Langfuse's and Braintrust's
  // status rules) read that one.
  response.setHeader('Date', new Date(context.nowMs()).toUTCString())
  const method = (request.method ?? 'GET').toUpperCase()
  const url = new URL(request.url ?? '/', 'http://sandbox.invalid')
  if (method === 'OPTIONS') return answerPreflight(response)

  const mounted = context.vendors.find(
    ({ app }) => url.pathname === app.prefix || url.pathname.startsWith(`${app.prefix}/`),
  )
  if (!mounted) {
    return deliver(response, {
      status: 404,
      body: {
        detail: `Not Found. The sandbox serves ${context.vendors.map((v) => v.app.prefix).join(', ')}`,
      },
    })
  }
  const { app } = mounted

  const fault = context.faults.draw(app.vendor)
  const faults = context.faults.current
  if (fault && STATUS_FAULTS.has(fault)) {
    const status = Number(fault)
    const answer = app.errors.generic(status, faultMessage(status))
    if (status === 429)
      answer.headers = { ...answer.headers, 'Retry-After': String(faults?.retryAfterSeconds ?? 1) }
    return deliver(response, answer)
  }

  let body: unknown
  if (METHODS_WITH_BODY.has(method)) {
    const read = await readBody(request)
    if (read.kind === 'aborted') return
    if (read.kind === 'too-large') return rejectOversized(app, request, response)
    if (read.text.trim() !== '') {
      if (!isJsonContentType(request.headers['content-type'])) {
        return deliver(
          response,
          app.errors.invalid([
            { loc: ['body'], msg: 'Content-Type must be application/json', type: 'content_type' },
          ]),
        )
      }
      try {
        body = JSON.parse(read.text)
      } catch (error) {
        return deliver(
          response,
          app.errors.malformedJson(error instanceof Error ? error.message : 'invalid JSON'),
        )
      }
    }
  }

  const answer = await mounted.handle({
    method,
    path: url.pathname.slice(app.prefix.length) || '/',
    query: url.search.replace(/^\?/, ''),
    headers: request.headers,
    body,
    nowMs: context.nowMs(),
  })
  deliver(response, answer, { fault, latencyMs: faults?.latencyMs, timers, nowMs: context.nowMs })
}

function rejectOversized(app: VendorApp, request: IncomingMessage, response: ServerResponse): void {
  const answer = app.errors.generic(413, 'Request body larger than 1 MB')
  answer.headers = { ...answer.headers, Connection: 'close' }
  deliver(response, answer)
  request.resume()
  const timer = setTimeout(() => request.socket.destroy(), OVERSIZE_GRACE_MS)
  timer.unref()
  request.socket.once('close', () => clearTimeout(timer))
}

function faultMessage(status: number): string {
  switch (status) {
    case 429:
      return 'Rate limit exceeded. Please retry later.'
    case 502:
      return 'Bad gateway (sandbox fault injection)'
    case 503:
      return 'Service unavailable (sandbox fault injection)'
    default:
      return 'Internal server error (sandbox fault injection)'
  }
}
