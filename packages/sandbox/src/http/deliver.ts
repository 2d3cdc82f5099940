import type { ServerResponse } from 'node:http'
import type { FaultKind } from '../types.js'
import type { VendorResponse } from './vendor-app.js'

export interface DeliveryOptions {
  /** A delivery fault to apply ('reset', 'truncated' or 'slow'), if any. */
  fault?: FaultKind | null
  latencyMs?: number
  /** Keeps track of pending 'slow' timers so `close()` can cancel them. */
  timers?: Set<NodeJS.Timeout>
}

/** Writes a VendorResponse as JSON, or breaks it on purpose when a delivery fault was drawn. */
export function deliver(
  response: ServerResponse,
  answer: VendorResponse,
  options: DeliveryOptions = {},
): void {
  const payload = answer.body === undefined ? null : Buffer.from(JSON.stringify(answer.body))
  const headers: Record<string, string | number> = { ...answer.headers }
  if (payload) {
    headers['Content-Type'] = 'application/json'
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
