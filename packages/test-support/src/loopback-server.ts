import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A node:http server listening on 127.0.0.1. */
export interface Listening {
  server: Server
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
  /** Drops open connections (keep-alive ones included) and stops listening; resolves even if it was not. */
  close(): Promise<void>
}

/** Starts a node:http server with `handler` on a free port of 127.0.0.1. The building block of the others. */
export async function listenOnLoopback(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Listening> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** One request as `startLoopbackServer` received it. */
export interface LoopbackRequest {
  method: string
  /** Path and query, as sent. */
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** How `startLoopbackServer` answers: `body` is sent as JSON (none when undefined). */
export interface LoopbackResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface LoopbackServer {
  url: string
  requests: LoopbackRequest[]
  close(): Promise<void>
}

/** A server on 127.0.0.1 that records each request and answers it with `respond`, in JSON. */
export async function startLoopbackServer(
  respond: (request: LoopbackRequest) => LoopbackResponse,
): Promise<LoopbackServer> {
  const requests: LoopbackRequest[] = []
  const { url, close } = await listenOnLoopback((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(recorded)
      const { status, body, headers } = respond(recorded)
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(body === undefined ? undefined : JSON.stringify(body))
    })
  })
  return { url, requests, close }
}
