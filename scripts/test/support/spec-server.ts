/** A loopback HTTP server standing in for a vendor: each path answers the way a test sets it. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listenOnLoopback } from '@evalrun/test-support'

export type Route = (request: IncomingMessage, response: ServerResponse) => void

export interface SpecServer {
  url: (path: string) => string
  /** Answer `path` with this body (200) from now on. */
  serve: (path: string, body: string, contentType?: string) => void
  route: (path: string, handler: Route) => void
  close: () => Promise<void>
}

export async function startSpecServer(): Promise<SpecServer> {
  const routes = new Map<string, Route>()
  const server = await listenOnLoopback((request, response) => {
    const handler = routes.get(request.url ?? '')
    if (handler) handler(request, response)
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
  })
  return {
    url: (path) => `${server.url}${path}`,
    serve: (path, body, contentType = 'application/yaml') =>
      routes.set(path, (_request, response) =>
        response.writeHead(200, { 'content-type': contentType }).end(body),
      ),
    route: (path, handler) => routes.set(path, handler),
    close: server.close,
  }
}
